package es.civica.certificates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Issues certificates: builds the Open Badges 3.0 credential, signs it (eddsa-jcs-2022), signs the QR token,
 * renders the PDF/A-3b with both and fingerprints the result. Thread-safe; keep one per issuer key.
 */
public final class CertificateIssuer {

  private final IssuerKeys keys;
  private final Clock clock;
  private final CertificateRenderer renderer = new CertificateRenderer();

  public CertificateIssuer(IssuerKeys keys) {
    this(keys, Clock.systemUTC());
  }

  /** With the clock that dates the proof ({@code proof.created}) and the PDF's metadata. */
  public CertificateIssuer(IssuerKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public IssuedCertificate issue(CertificateData data) throws IOException {
    ObjectNode unsigned = CredentialBuilder.build(data, keys.publicKey());
    ObjectNode signed = DataIntegrityProof.sign(unsigned, keys, clock.instant());
    String credentialJson = Json.pretty(signed);
    String qrUrl = QrToken.url(data.verificationUrl(), QrToken.sign(data.summary(), keys));
    byte[] pdf = renderer.render(data, credentialJson, qrUrl);
    return new IssuedCertificate(pdf, sha256Hex(pdf), credentialJson, qrUrl);
  }

  /** The issuer's public key, to publish with {@link IssuerDocument}. */
  public IssuerPublicKey publicKey() {
    return keys.publicKey();
  }

  /** Lowercase hex SHA-256 of the bytes: the fingerprint the server records for a PDF. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(DataIntegrityProof.sha256(bytes));
  }
}
