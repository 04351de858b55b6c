package es.civica.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads back what {@link CredentialBuilder} wrote into a credential. */
public final class CredentialReader {

  private CredentialReader() {
  }

  /**
   * The essentials the credential states: {@code certificateId}, the subject's {@code name} identifier, the
   * achievement's name, the date of {@code validFrom} and of {@code validUntil}.
   */
  public static CertificateSummary summary(JsonNode vc) {
    String id = Json.text(vc, "certificateId");
    String course = Json.text(vc, "credentialSubject", "achievement", "name");
    String holder = null;
    for (JsonNode identifier : vc.path("credentialSubject").path("identifier")) {
      if ("name".equals(Json.text(identifier, "identityType")) && !identifier.path("hashed").asBoolean(true)) {
        holder = Json.text(identifier, "identityHash");
      }
    }
    LocalDate from = date(Json.text(vc, "validFrom"));
    String until = Json.text(vc, "validUntil");
    if (id == null || course == null || holder == null || from == null) {
      throw new VerificationException("a la credencial le faltan datos (certificateId, nombre, curso o validFrom)");
    }
    return new CertificateSummary(id, holder, course, from, until == null ? null : date(until));
  }

  /** The units, from the achievement's result descriptions and the subject's results. */
  public static List<UnitResult> units(JsonNode vc) {
    Map<String, String> names = new HashMap<>();
    for (JsonNode d : vc.path("credentialSubject").path("achievement").path("resultDescription")) {
      names.put(Json.text(d, "id"), Json.text(d, "name"));
    }
    List<UnitResult> units = new ArrayList<>();
    for (JsonNode r : vc.path("credentialSubject").path("result")) {
      String ref = Json.text(r, "resultDescription");
      String name = names.getOrDefault(ref, "");
      int number = ref == null ? 0 : Integer.parseInt(ref.substring(ref.lastIndexOf('/') + 1));
      String title = name.replaceFirst("^Unidad \\d+\\. ", "");
      units.add(new UnitResult(number, title, date(Json.text(r, "passedOn")), r.path("scaledScore").asDouble()));
    }
    return units;
  }

  public static int hours(JsonNode vc) {
    return vc.path("credentialSubject").path("hours").asInt();
  }

  public static String issuerName(JsonNode vc) {
    return Json.text(vc, "issuer", "name");
  }

  public static String verificationUrl(JsonNode vc) {
    return Json.text(vc, "id");
  }

  private static LocalDate date(String dateTime) {
    if (dateTime == null || dateTime.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(dateTime.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw new VerificationException("fecha no válida en la credencial: " + dateTime);
    }
  }
}
