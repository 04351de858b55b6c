package es.civica.xapi.statement;

import static es.civica.xapi.statement.Statements.assertRejectedInBoth;
import static es.civica.xapi.statement.Statements.assertValidInBoth;
import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;
import static es.civica.xapi.statement.Statements.without;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Attachment metadata (Data 2.4.11). */
class AttachmentValidationTest {

  private final JsonObject full = load("full");

  private JsonObject attachment(String key, Object value) {
    JsonObject statement = full.copy();
    statement.getJsonArray("attachments").getJsonObject(0).put(key, value);
    return statement;
  }

  private JsonObject attachmentWithout(String key) {
    JsonObject statement = full.copy();
    statement.getJsonArray("attachments").getJsonObject(0).remove(key);
    return statement;
  }

  @Test
  void acceptsAttachmentWithoutFileUrlOrDescription() {
    assertValidInBoth(attachmentWithout("fileUrl"));
    assertValidInBoth(attachmentWithout("description"));
  }

  @Test
  void rejectsAttachmentsThatAreNotAnArrayOfObjects() {
    assertRejectedInBoth(with(full, "attachments", "should fail"), "attachments must be a JSON array");
    assertRejectedInBoth(with(full, "attachments", Statements.array("[12345]")),
        "attachments[0] must be a JSON object");
  }

  @Test
  void rejectsAttachmentMissingARequiredProperty() {
    for (String key : new String[] {"usageType", "display", "contentType", "length", "sha2"}) {
      assertRejectedInBoth(attachmentWithout(key), "attachments[0]." + key + " is required");
    }
  }

  @Test
  void rejectsUsageTypeAndFileUrlThatAreNotIris() {
    assertRejectedInBoth(attachment("usageType", "should fail"), "attachments[0].usageType must be an IRI");
    assertRejectedInBoth(attachment("usageType", "example.com/attachment-usage/test"), "usageType must be an IRI");
    assertRejectedInBoth(attachment("fileUrl", "over.there.com/file.txt"), "attachments[0].fileUrl must be an IRL");
  }

  @Test
  void rejectsDisplayAndDescriptionThatAreNotLanguageMaps() {
    assertRejectedInBoth(attachment("display", 12345), "attachments[0].display must be a JSON object");
    assertRejectedInBoth(attachment("description", "text"), "attachments[0].description must be a JSON object");
    assertRejectedInBoth(attachment("display", Statements.json("{\"something\": \"x\"}")),
        "is not keyed by a valid RFC 5646");
  }

  @Test
  void rejectsWronglyTypedContentTypeLengthAndSha2() {
    assertRejectedInBoth(attachment("contentType", 12345), "attachments[0].contentType must be a string");
    assertRejectedInBoth(attachment("contentType", "pdf"), "attachments[0].contentType must be an Internet Media Type");
    assertRejectedInBoth(attachment("length", "27"), "attachments[0].length must be a number");
    assertRejectedInBoth(attachment("length", 2.5), "attachments[0].length must be a non-negative integer");
    assertRejectedInBoth(attachment("length", -1), "attachments[0].length must be a non-negative integer");
    assertRejectedInBoth(attachment("sha2", 12345), "attachments[0].sha2 must be a string");
    assertRejectedInBoth(attachment("sha2", "not-a-digest"), "attachments[0].sha2 must be a hex-encoded SHA-2 digest");
  }

  @Test
  void rejectsSignatureAttachmentThatIsNotOctetStream() {
    JsonObject signed = attachment("usageType", SignedStatementVerifier.SIGNATURE_USAGE_TYPE);
    signed.getJsonArray("attachments").getJsonObject(0).put("contentType", "text/plain; charset=ascii");
    assertRejectedInBoth(signed, "attachments[0].contentType must be application/octet-stream for a signature");
    signed.getJsonArray("attachments").getJsonObject(0).put("contentType", "application/octet-stream");
    assertValidInBoth(signed);
  }

  @Test
  void rejectsUnknownAttachmentProperty() {
    assertRejectedInBoth(attachment("data", "AAAA"), "attachments[0].data is not an allowed property");
  }

  @Test
  void acceptsStatementWithoutAttachments() {
    assertValidInBoth(without(full, "attachments"));
  }
}
