package es.civica.scorm;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny XML tree that prints itself with two-space indentation: the manifests are built in code order, so the
 * output is the same byte for byte on every run (no DOM serializer settings, no attribute reordering).
 */
final class XmlElement {

    private final String name;
    private final List<String[]> attributes = new ArrayList<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text;

    XmlElement(String name) {
        this.name = name;
    }

    XmlElement attr(String attribute, String value) {
        attributes.add(new String[] {attribute, value});
        return this;
    }

    /** Adds and returns a child element. */
    XmlElement child(String childName) {
        XmlElement child = new XmlElement(childName);
        children.add(child);
        return child;
    }

    /** Adds a child element holding only text, and returns this element. */
    XmlElement leaf(String childName, String value) {
        child(childName).text(value);
        return this;
    }

    XmlElement text(String value) {
        if (!children.isEmpty()) {
            throw new IllegalStateException("mixed content is not supported: " + name);
        }
        this.text = value;
        return this;
    }

    /** The document: XML declaration, this element, final newline. */
    String toDocument() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        print(out, 0);
        return out.toString();
    }

    private void print(StringBuilder out, int depth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append('<').append(name);
        for (String[] attribute : attributes) {
            out.append(' ').append(attribute[0]).append("=\"").append(escape(attribute[1], true)).append('"');
        }
        if (children.isEmpty() && text == null) {
            out.append("/>\n");
            return;
        }
        out.append('>');
        if (text != null) {
            out.append(escape(text, false)).append("</").append(name).append(">\n");
            return;
        }
        out.append('\n');
        for (XmlElement child : children) {
            child.print(out, depth + 1);
        }
        out.append(indent).append("</").append(name).append(">\n");
    }

    static String escape(String value, boolean attribute) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("control character U+" + Integer.toHexString(c)
                                + " cannot appear in XML 1.0");
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
