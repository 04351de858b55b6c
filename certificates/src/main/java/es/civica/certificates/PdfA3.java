package es.civica.certificates;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.DateConverter;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a document PDF/A-3b (ISO 19005-3, level B): an sRGB output intent (the JDK's own sRGB ICC
 * profile, compressed once), XMP metadata (laid out by xmpbox once, see {@link XmpTemplate}) that agrees
 * with the document information
 * dictionary, and an associated file (the credential JSON) referenced from the catalog's {@code /AF} with an
 * {@code /AFRelationship}.
 */
final class PdfA3 {

  static final String PRODUCER = "Cívica certificates (Apache PDFBox 3)";
  private static final String ICC_NAME = "sRGB IEC61966-2.1";
  private static final byte[] SRGB_ICC = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  private static final byte[] SRGB_ICC_DEFLATED = deflate(SRGB_ICC);

  private PdfA3() {
  }

  /** Document-level facts shared by the information dictionary and the XMP packet. */
  record Description(String title, String author, String subject, List<String> keywords, String identifier,
      String relation, String language, Calendar created) {
  }

  /** Adds the output intent, metadata, language and viewer preference to the document. */
  static void describe(PDDocument doc, Description d) throws IOException {
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    catalog.setLanguage(d.language());
    PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
    prefs.setDisplayDocTitle(true);
    catalog.setViewerPreferences(prefs);

    COSStream icc = doc.getDocument().createCOSStream();
    icc.setInt(COSName.N, 3);
    icc.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    try (OutputStream out = icc.createRawOutputStream()) {
      out.write(SRGB_ICC_DEFLATED);
    }
    PDOutputIntent intent = new PDOutputIntent(new org.apache.pdfbox.cos.COSDictionary());
    intent.getCOSObject().setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
    intent.getCOSObject().setItem(COSName.S, COSName.GTS_PDFA1);
    intent.getCOSObject().setItem(COSName.DEST_OUTPUT_PROFILE, icc);
    intent.setInfo(ICC_NAME);
    intent.setOutputCondition(ICC_NAME);
    intent.setOutputConditionIdentifier(ICC_NAME);
    intent.setRegistryName("http://www.color.org");
    catalog.addOutputIntent(intent);

    String keywords = String.join(", ", d.keywords());
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(d.title());
    info.setAuthor(d.author());
    info.setSubject(d.subject());
    info.setKeywords(keywords);
    info.setCreator(PRODUCER);
    info.setProducer(PRODUCER);
    info.setCreationDate(d.created());
    info.setModificationDate(d.created());

    PDMetadata metadata = new PDMetadata(doc);
    try (OutputStream out = metadata.getCOSObject().createOutputStream()) {
      out.write(XmpTemplate.fill(Map.of("TITLE", d.title(), "AUTHOR", d.author(), "SUBJECT", d.subject(),
          "KEYWORDS", keywords, "IDENTIFIER", d.identifier(), "RELATION", d.relation(), "LANGUAGE", d.language(),
          "DATE", DateConverter.toISO8601(d.created()))));
    }
    catalog.setMetadata(metadata);
  }

  /**
   * The XMP packet, serialised once by xmpbox with placeholders ({@code @@NAME@@}) that each document fills in
   * with XML-escaped values: xmpbox's DOM and XSLT serialisation would otherwise cost more than drawing the
   * page.
   */
  static final class XmpTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z]+)@@");
    private static final Calendar SENTINEL_DATE = sentinel();
    private static final String TEMPLATE = build();

    private XmpTemplate() {
    }

    static byte[] fill(Map<String, String> values) {
      Matcher m = PLACEHOLDER.matcher(TEMPLATE);
      StringBuilder out = new StringBuilder(TEMPLATE.length() + 512);
      while (m.find()) {
        String value = values.get(m.group(1));
        if (value == null) {
          throw new IllegalArgumentException("No value for XMP placeholder " + m.group(1));
        }
        m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
      }
      m.appendTail(out);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String build() {
      XMPMetadata xmp = XMPMetadata.createXMPMetadata();
      DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
      dc.setTitle("@@TITLE@@");
      dc.addCreator("@@AUTHOR@@");
      dc.setDescription("@@SUBJECT@@");
      dc.setIdentifier("@@IDENTIFIER@@");
      dc.addRelation("@@RELATION@@");
      dc.addLanguage("@@LANGUAGE@@");
      dc.setFormat("application/pdf");
      AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
      pdf.setProducer(PRODUCER);
      pdf.setKeywords("@@KEYWORDS@@");
      XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
      basic.setCreatorTool(PRODUCER);
      basic.setCreateDate(SENTINEL_DATE);
      basic.setModifyDate(SENTINEL_DATE);
      basic.setMetadataDate(SENTINEL_DATE);
      PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
      try {
        pdfa.setPart(3);
        pdfa.setConformance("B");
      } catch (BadFieldValueException e) {
        throw new IllegalStateException(e);
      }
      ByteArrayOutputStream packet = new ByteArrayOutputStream(4096);
      try {
        new XmpSerializer().serialize(xmp, packet, true);
      } catch (TransformerException e) {
        throw new IllegalStateException("XMP serialisation failed", e);
      }
      String text = packet.toString(StandardCharsets.UTF_8);
      String date = DateConverter.toISO8601(SENTINEL_DATE);
      if (!text.contains(date)) {
        throw new IllegalStateException("XMP dates are not written as expected");
      }
      return text.replace(date, "@@DATE@@");
    }

    private static Calendar sentinel() {
      Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      c.clear();
      c.set(1999, Calendar.SEPTEMBER, 9, 9, 9, 9);
      return c;
    }

    private static String escape(String s) {
      StringBuilder out = new StringBuilder(s.length() + 16);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          case '\'' -> out.append("&apos;");
          default -> out.append(c);
        }
      }
      return out.toString();
    }
  }

  /**
   * Embeds a file and associates it with the document ({@code /AF} in the catalog) with the given
   * relationship ({@code Source}, {@code Data}, {@code Alternative}, {@code Supplement}).
   */
  static void attach(PDDocument doc, String fileName, String mimeType, String description, byte[] content,
      String relationship, Calendar date) throws IOException {
    PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(content), COSName.FLATE_DECODE);
    embedded.setSubtype(mimeType);
    embedded.setSize(content.length);
    embedded.setCreationDate(date);
    embedded.setModDate(date);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(fileName);
    spec.setFileUnicode(fileName);
    spec.setFileDescription(description);
    spec.setEmbeddedFile(embedded);
    spec.setEmbeddedFileUnicode(embedded);
    spec.getCOSObject().setName(COSName.AF_RELATIONSHIP, relationship);

    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(fileName, spec));
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
    names.setEmbeddedFiles(tree);
    catalog.setNames(names);
    COSArray af = new COSArray();
    af.add(spec);
    catalog.getCOSObject().setItem(COSName.AF, af);
  }

  private static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
