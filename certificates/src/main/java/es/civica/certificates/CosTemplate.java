package es.civica.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * An immutable snapshot of a tree of PDF objects — dictionaries, arrays and streams, the streams kept in
 * their encoded (compressed) form — that can be instantiated into any number of documents, from any thread.
 * It is how work done once (a prepared font, an encoded logo) is reused: instantiating copies bytes and
 * builds a few dictionaries, nothing is parsed, compressed or measured again.
 */
final class CosTemplate {

  private static final int MAX_DEPTH = 32;

  private sealed interface Node permits Leaf, Dict, Arr, Stream {
  }

  private record Leaf(COSBase value) implements Node {
  }

  private record Dict(List<Map.Entry<COSName, Node>> entries) implements Node {
  }

  private record Arr(List<Node> items) implements Node {
  }

  private record Stream(Dict dictionary, byte[] encoded) implements Node {
  }

  private final Node root;

  private CosTemplate(Node root) {
    this.root = root;
  }

  /** Snapshots the tree under an object (indirect references are followed; the tree must not loop). */
  static CosTemplate of(COSBase root) {
    try {
      return new CosTemplate(snapshot(root, 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh copy of the tree, owned by the document. */
  COSBase instantiate(PDDocument doc) throws IOException {
    return build(root, doc);
  }

  private static Node snapshot(COSBase value, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("Object tree too deep (a loop?)");
    }
    if (value instanceof COSObject indirect) {
      return snapshot(indirect.getObject(), depth + 1);
    }
    if (value instanceof COSStream stream) {
      try (InputStream in = stream.createRawInputStream()) {
        return new Stream(dict(stream, depth), in.readAllBytes());
      }
    }
    if (value instanceof COSDictionary dictionary) {
      return dict(dictionary, depth);
    }
    if (value instanceof COSArray array) {
      List<Node> items = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        items.add(snapshot(array.get(i), depth + 1));
      }
      return new Arr(List.copyOf(items));
    }
    if (value instanceof COSString string) {
      return new Leaf(new COSString(string.getBytes()));
    }
    return new Leaf(value); // names, numbers, booleans, null: immutable
  }

  private static Dict dict(COSDictionary dictionary, int depth) throws IOException {
    List<Map.Entry<COSName, Node>> entries = new ArrayList<>();
    for (Map.Entry<COSName, COSBase> e : dictionary.entrySet()) {
      if (!(dictionary instanceof COSStream && e.getKey().equals(COSName.LENGTH))) {
        entries.add(Map.entry(e.getKey(), snapshot(e.getValue(), depth + 1)));
      }
    }
    return new Dict(List.copyOf(entries));
  }

  private static COSBase build(Node node, PDDocument doc) throws IOException {
    if (node instanceof Leaf leaf) {
      return leaf.value() instanceof COSString s ? new COSString(s.getBytes()) : leaf.value();
    }
    if (node instanceof Arr arr) {
      COSArray array = new COSArray();
      for (Node item : arr.items()) {
        array.add(build(item, doc));
      }
      return array;
    }
    if (node instanceof Stream stream) {
      COSStream out = doc.getDocument().createCOSStream();
      fill(out, stream.dictionary(), doc);
      try (OutputStream raw = out.createRawOutputStream()) {
        raw.write(stream.encoded());
      }
      return out;
    }
    COSDictionary out = new COSDictionary();
    fill(out, (Dict) node, doc);
    return out;
  }

  private static void fill(COSDictionary target, Dict dict, PDDocument doc) throws IOException {
    for (Map.Entry<COSName, Node> e : dict.entries()) {
      target.setItem(e.getKey(), build(e.getValue(), doc));
    }
  }
}
