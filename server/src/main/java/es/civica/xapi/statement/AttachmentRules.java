package es.civica.xapi.statement;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Attachment metadata in a statement (Data 2.4.11); the bytes themselves are the HTTP layer's business. */
final class AttachmentRules {

  static final String SIGNATURE_USAGE_TYPE = "http://adlnet.gov/expapi/attachments/signature";
  static final String SIGNATURE_CONTENT_TYPE = "application/octet-stream";
  private static final Set<String> KEYS = Set.of("usageType", "display", "description", "contentType", "length",
      "sha2", "fileUrl");

  private AttachmentRules() {}

  static void attachments(Object value, String path) {
    Json.eachItem(Json.array(value, path), path, AttachmentRules::attachment);
  }

  private static void attachment(Object value, String path) {
    JsonObject attachment = Json.object(value, path);
    Json.allowOnly(attachment, path, KEYS);
    String usageType = Json.string(Json.required(attachment, "usageType", path), Json.child(path, "usageType"));
    if (!Formats.isIri(usageType)) {
      throw Json.invalid(Json.child(path, "usageType"), "must be an IRI");
    }
    MapRules.languageMap(Json.required(attachment, "display", path), Json.child(path, "display"));
    Object description = Json.optional(attachment, "description", path);
    if (description != null) {
      MapRules.languageMap(description, Json.child(path, "description"));
    }
    String contentType = Json.string(Json.required(attachment, "contentType", path),
        Json.child(path, "contentType"));
    if (!contentType.matches("^[^\\s/;]+/[^\\s/;]+(\\s*;.*)?$")) {
      throw Json.invalid(Json.child(path, "contentType"), "must be an Internet Media Type such as text/plain");
    }
    if (SIGNATURE_USAGE_TYPE.equals(usageType) && !isSignatureContentType(contentType)) {
      throw Json.invalid(Json.child(path, "contentType"), "must be " + SIGNATURE_CONTENT_TYPE
          + " for a signature attachment");
    }
    length(Json.required(attachment, "length", path), Json.child(path, "length"));
    String sha2 = Json.string(Json.required(attachment, "sha2", path), Json.child(path, "sha2"));
    if (!Formats.isSha2Hex(sha2)) {
      throw Json.invalid(Json.child(path, "sha2"), "must be a hex-encoded SHA-2 digest");
    }
    Object fileUrl = Json.optional(attachment, "fileUrl", path);
    if (fileUrl != null && !Formats.isIrl(Json.string(fileUrl, Json.child(path, "fileUrl")))) {
      throw Json.invalid(Json.child(path, "fileUrl"), "must be an IRL");
    }
  }

  static boolean isSignatureContentType(String contentType) {
    return contentType.split(";")[0].trim().equalsIgnoreCase(SIGNATURE_CONTENT_TYPE);
  }

  private static void length(Object value, String path) {
    double length = Json.number(value, path);
    if (length < 0 || length != Math.floor(length) || Double.isInfinite(length)) {
      throw Json.invalid(path, "must be a non-negative integer");
    }
  }
}
