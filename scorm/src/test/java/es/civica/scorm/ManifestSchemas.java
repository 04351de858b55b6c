package es.civica.scorm;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official schemas, loaded through the wrapper schemas in {@code src/test/resources/xsd/} with every import
 * and DTD resolved to the local copies (no network: anything not found locally fails the test).
 */
final class ManifestSchemas {

    static final String SCORM_12_DIR = "/es/civica/scorm/xsd/scorm12/";
    static final String SCORM_2004_DIR = "/es/civica/scorm/xsd/scorm2004-4th/";

    private static final String FULL_CHECKING = "http://apache.org/xml/features/validation/schema-full-checking";

    private ManifestSchemas() {
    }

    static Schema scorm12() {
        // The 1.2 ims_xml.xsd binds the XML namespace to the default prefix, which no conforming parser reads.
        // IMS MD 1.2.1 breaks the Unique Particle Attribution rule (elements beside an ##any wildcard), which only
        // the JDK's "full checking" of schemas tests; instance validation is the same without it.
        return load("/xsd/scorm12-all.xsd", new LocalResolver(SCORM_12_DIR,
                Map.of("ims_xml.xsd", "/xsd/ims_xml-corrected.xsd")), false);
    }

    static Schema scorm2004() {
        return load("/xsd/scorm2004-4th-all.xsd", new LocalResolver(SCORM_2004_DIR, Map.of()), true);
    }

    /** A standalone schema file with no imports (the cmi5 CourseStructure.xsd). */
    static Schema file(Path xsd) {
        try {
            SchemaFactory factory = factory(null);
            return factory.newSchema(xsd.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every error and warning the validator reports, empty when the document is valid. */
    static List<String> problems(Schema schema, String xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add("warning " + describe(e));
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("error " + describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("fatal " + describe(e));
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            problems.add("fatal " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static String describe(SAXParseException e) {
        return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
    }

    private static Schema load(String wrapper, LocalResolver resolver, boolean fullChecking) {
        URL url = ManifestSchemas.class.getResource(wrapper);
        if (url == null) {
            throw new IllegalStateException("missing " + wrapper);
        }
        try {
            SchemaFactory factory = factory(resolver);
            factory.setFeature(FULL_CHECKING, fullChecking);
            return factory.newSchema(new StreamSource(url.toString()));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + wrapper + ": " + e.getMessage(), e);
        }
    }

    private static SchemaFactory factory(LSResourceResolver resolver) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            // Local files and the jar only: an import the resolver does not map cannot reach the network.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file,jar");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        factory.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Schema-loading warnings are not manifest problems.
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        if (resolver != null) {
            factory.setResourceResolver(resolver);
        }
        return factory;
    }

    /**
     * Maps every schema or DTD a schema file names, by file name, to the local copy in one folder (or to a test
     * resource that replaces it).
     */
    static final class LocalResolver implements LSResourceResolver {
        private final String directory;
        private final Map<String, String> replacements;

        LocalResolver(String directory, Map<String, String> replacements) {
            this.directory = directory;
            this.replacements = replacements;
        }

        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                                       String baseUri) {
            if (systemId == null) {
                throw new IllegalStateException("import of " + namespaceUri + " without a schemaLocation");
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            URL local = ManifestSchemas.class.getResource(replacements.getOrDefault(name, directory + name));
            if (local == null) {
                throw new IllegalStateException("no local copy of " + systemId + " in " + directory);
            }
            return new Input(publicId, local.toString(), baseUri);
        }
    }

    private static final class Input implements LSInput {
        private String publicId;
        private String systemId;
        private String baseUri;

        Input(String publicId, String systemId, String baseUri) {
            this.publicId = publicId;
            this.systemId = systemId;
            this.baseUri = baseUri;
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
        }

        @Override
        public InputStream getByteStream() {
            try {
                return new URL(systemId).openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {
            this.systemId = systemId;
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {
            this.publicId = publicId;
        }

        @Override
        public String getBaseURI() {
            return baseUri;
        }

        @Override
        public void setBaseURI(String baseUri) {
            this.baseUri = baseUri;
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
