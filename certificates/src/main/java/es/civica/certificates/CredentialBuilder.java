package es.civica.certificates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Builds the unsigned Open Badges 3.0 credential (a W3C Verifiable Credential 2.0) that a certificate
 * carries:
 * <ul>
 *   <li>{@code id} is the verification URL, {@code certificateId} the certificate's id (and
 *       {@code replacesCertificateId} the one it replaces, if any); {@code validFrom} is the issue date at
 *       00:00:00Z and {@code validUntil} the last valid day at 23:59:59Z;</li>
 *   <li>{@code issuer} is a {@code Profile} whose id is the signing key's {@code did:key}, with the
 *       organisation's name and url;</li>
 *   <li>{@code credentialSubject} is an {@code AchievementSubject} identified by an {@code IdentityObject} of
 *       type {@code name} (plain) and, when known, one of type {@code emailAddress} (salted SHA-256, as OB 3.0
 *       section "IdentityObject" describes); its {@code achievement} is the course (achievementType
 *       {@code Certificate}, one {@code ResultDescription} per unit, id {@code <courseIri>/unit/<n>}) and its
 *       {@code result} holds the units' scores in percent, with our own {@code passedOn} and
 *       {@code scaledScore}; {@code hours} is the course's length.</li>
 * </ul>
 * Terms that neither context defines ({@code certificateId}, {@code hours}, {@code passedOn},
 * {@code scaledScore}…) expand through the VC 2.0 context's {@code @vocab} (issuer-dependent terms).
 */
public final class CredentialBuilder {

  public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
  public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  private static final SecureRandom RANDOM = new SecureRandom();

  private CredentialBuilder() {
  }

  /** The unsigned credential for a certificate issued with the given key. */
  public static ObjectNode build(CertificateData data, IssuerPublicKey issuerKey) {
    ObjectNode vc = Json.object();
    vc.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT);
    vc.put("id", data.verificationUrl());
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.put("name", "Certificado: " + data.courseTitle());
    vc.put("certificateId", data.id());
    if (data.replacesId() != null) {
      vc.put("replacesCertificateId", data.replacesId());
    }
    ObjectNode issuer = vc.putObject("issuer");
    issuer.put("id", issuerKey.didKey());
    issuer.putArray("type").add("Profile");
    issuer.put("name", data.issuer().name());
    issuer.put("url", data.issuer().url());
    vc.put("validFrom", data.issuedOn() + "T00:00:00Z");
    if (data.expiresOn() != null) {
      vc.put("validUntil", data.expiresOn() + "T23:59:59Z");
    }
    vc.set("credentialSubject", subject(data));
    return vc;
  }

  private static ObjectNode subject(CertificateData data) {
    ObjectNode subject = Json.object();
    subject.putArray("type").add("AchievementSubject");
    ArrayNode identifiers = subject.putArray("identifier");
    ObjectNode name = identifiers.addObject();
    name.put("type", "IdentityObject");
    name.put("identityType", "name");
    name.put("hashed", false);
    name.put("identityHash", data.holderName());
    if (data.holderEmail() != null && !data.holderEmail().isBlank()) {
      String salt = HexFormat.of().formatHex(randomBytes());
      ObjectNode email = identifiers.addObject();
      email.put("type", "IdentityObject");
      email.put("identityType", "emailAddress");
      email.put("hashed", true);
      email.put("identityHash", "sha256$" + sha256Hex(data.holderEmail().trim().toLowerCase(Locale.ROOT) + salt));
      email.put("salt", salt);
    }
    subject.set("achievement", achievement(data));
    LocalDate last = data.units().stream().map(UnitResult::passedOn).max(LocalDate::compareTo).orElseThrow();
    subject.put("activityEndDate", last + "T00:00:00Z");
    subject.put("hours", data.hours());
    ArrayNode results = subject.putArray("result");
    for (UnitResult unit : data.units()) {
      ObjectNode result = results.addObject();
      result.putArray("type").add("Result");
      result.put("resultDescription", unitIri(data, unit));
      result.put("value", percent(unit.scaledScore()));
      result.put("status", "Completed");
      result.put("passedOn", unit.passedOn().toString());
      result.put("scaledScore", unit.scaledScore());
    }
    return subject;
  }

  private static ObjectNode achievement(CertificateData data) {
    ObjectNode achievement = Json.object();
    achievement.put("id", data.courseIri());
    achievement.putArray("type").add("Achievement");
    achievement.put("achievementType", "Certificate");
    achievement.put("name", data.courseTitle());
    achievement.put("description", "Curso de " + data.hours() + " horas en " + data.units().size()
        + " unidades, superadas todas ellas.");
    achievement.putObject("criteria").put("narrative",
        "Superar el cuestionario final de cada una de las " + data.units().size() + " unidades del curso.");
    ArrayNode descriptions = achievement.putArray("resultDescription");
    for (UnitResult unit : data.units()) {
      ObjectNode description = descriptions.addObject();
      description.put("id", unitIri(data, unit));
      description.putArray("type").add("ResultDescription");
      description.put("name", "Unidad " + unit.number() + ". " + unit.title());
      description.put("resultType", "Percent");
      description.put("valueMin", "0");
      description.put("valueMax", "100");
    }
    return achievement;
  }

  static String unitIri(CertificateData data, UnitResult unit) {
    return data.courseIri() + "/unit/" + unit.number();
  }

  /** A scaled score as a percentage with at most one decimal, e.g. 0.855 → "85.5". */
  static String percent(double scaledScore) {
    return BigDecimal.valueOf(scaledScore * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }

  private static byte[] randomBytes() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return salt;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
