package es.civica.certificates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/** The edits a forger would make to an issued PDF. */
final class PdfEdits {

  private PdfEdits() {
  }

  static String credentialOf(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return Json.compact(CertificateVerifier.credential(doc));
    }
  }

  /** The PDF with its attached credential replaced by other JSON text. */
  static byte[] replaceCredential(byte[] pdf, String json) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Map<String, PDComplexFileSpecification> files =
          doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      PDComplexFileSpecification spec = files.get(CertificateRenderer.CREDENTIAL_FILE);
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
      file.setSubtype(CertificateRenderer.CREDENTIAL_MIME);
      file.setSize(bytes.length);
      spec.setEmbeddedFile(file);
      spec.setEmbeddedFileUnicode(file);
      return save(doc);
    }
  }

  /** The PDF with the link annotation's URI replaced. */
  static byte[] replaceLink(byte[] pdf, String uri) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDAnnotationLink link = (PDAnnotationLink) doc.getPage(0).getAnnotations().get(0);
      ((PDActionURI) link.getAction()).setURI(uri);
      return save(doc);
    }
  }

  /** The PDF without its output intent. */
  static byte[] withoutOutputIntent(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
      return save(doc);
    }
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
