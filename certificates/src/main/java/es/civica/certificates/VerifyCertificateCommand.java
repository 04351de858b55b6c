package es.civica.certificates;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Verifies a certificate PDF offline from the command line (see {@code scripts/verify-certificate}):
 *
 * <pre>VerifyCertificateCommand CERT.pdf (--key issuer.json | --key-url URL) [--today YYYY-MM-DD]</pre>
 *
 * The key is the issuer document served at {@code /.well-known/civica-issuer.json} (or a JWK or JWK Set),
 * from a file or fetched from a URL. Exit status: 0 and "VÁLIDO: …" with the certificate's contents when
 * genuine and within its validity; 1 and "NO VÁLIDO: …" saying which check failed otherwise; 2 on a usage or
 * input error. Revocation is only known online, at the verification URL it prints.
 */
public final class VerifyCertificateCommand {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String USAGE =
      "Uso: verify-certificate CERTIFICADO.pdf (--key emisor.json | --key-url URL) [--today AAAA-MM-DD]";

  /** PDFBox logs what it repairs in a damaged file; the verdict says what matters. (Held: loggers are weak.) */
  private static final List<java.util.logging.Logger> QUIET = List.of(
      java.util.logging.Logger.getLogger("org.apache.pdfbox"), java.util.logging.Logger.getLogger("org.apache.fontbox"));

  private VerifyCertificateCommand() {
  }

  public static void main(String[] args) {
    for (java.util.logging.Logger logger : QUIET) {
      logger.setLevel(java.util.logging.Level.OFF);
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String pdfPath = null;
    String keyFile = null;
    String keyUrl = null;
    LocalDate today = LocalDate.now();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--key" -> keyFile = args[++i];
          case "--key-url" -> keyUrl = args[++i];
          case "--today" -> today = LocalDate.parse(args[++i]);
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> {
            if (args[i].startsWith("--") || pdfPath != null) {
              err.println("Argumento no reconocido: " + args[i] + "\n" + USAGE);
              return 2;
            }
            pdfPath = args[i];
          }
        }
      }
    } catch (ArrayIndexOutOfBoundsException | java.time.format.DateTimeParseException e) {
      err.println(USAGE);
      return 2;
    }
    if (pdfPath == null || (keyFile == null) == (keyUrl == null)) {
      err.println(USAGE);
      return 2;
    }

    byte[] pdf;
    List<IssuerPublicKey> keys;
    try {
      pdf = Files.readAllBytes(Path.of(pdfPath));
      keys = IssuerPublicKey.parseAll(keyFile != null ? Files.readString(Path.of(keyFile), StandardCharsets.UTF_8)
          : fetch(keyUrl));
    } catch (NoSuchFileException e) {
      err.println("No existe el fichero: " + e.getFile());
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println("No se pudo leer " + (keyUrl != null ? keyUrl : "la entrada") + ": " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }

    VerifiedCertificate v;
    try {
      v = new CertificateVerifier(keys).verify(pdf);
    } catch (VerificationException e) {
      out.println("NO VÁLIDO: " + e.getMessage());
      return 1;
    }
    CertificateSummary s = v.summary();
    if (v.expiredOn(today)) {
      out.println("NO VÁLIDO: el certificado " + s.id() + " caducó el " + DATE.format(s.expiresOn())
          + " (sus firmas son auténticas)");
      return 1;
    }
    print(out, v);
    return 0;
  }

  private static void print(PrintStream out, VerifiedCertificate v) {
    CertificateSummary s = v.summary();
    out.println("VÁLIDO: certificado " + s.id() + " de " + s.holderName());
    out.println("  Titular:         " + s.holderName());
    out.println("  Curso:           " + s.courseTitle() + " (" + v.hours() + " horas)");
    out.println("  Expedido el:     " + DATE.format(s.issuedOn()));
    out.println("  Válido hasta:    " + (s.expiresOn() == null ? "sin caducidad" : DATE.format(s.expiresOn())));
    out.println("  Emisor:          " + v.issuerName());
    out.println("  Clave del emisor: " + v.issuerId());
    out.println("  Unidades:");
    for (UnitResult u : v.units()) {
      out.println("    " + u.number() + ". " + u.title() + " — superada el " + DATE.format(u.passedOn()) + ", "
          + CertificatePage.percent(u.scaledScore()));
    }
    out.println("  Verificación en línea (estado y revocación): " + QrToken.verificationUrlOf(v.qrUrl()));
    out.println("  SHA-256 del PDF: " + v.sha256());
    out.println("  Comprobado: firma de la credencial adjunta (eddsa-jcs-2022), firma del token del QR (EdDSA),"
        + " QR leído de la página = enlace del documento, mismos datos en ambos y en el texto de la página.");
  }

  private static String fetch(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(15)).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return response.body();
  }
}
