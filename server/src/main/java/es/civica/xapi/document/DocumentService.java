package es.civica.xapi.document;

import es.civica.db.DatabaseWorker;
import es.civica.xapi.XapiException;
import es.civica.xapi.XapiVersion;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the document resources: ETags and the If-Match / If-None-Match preconditions, the 409 for a blind
 * overwrite, and JSON merge on POST. Each write is one transaction holding the row lock.
 */
public final class DocumentService {
  private final DatabaseWorker db;
  private final DocumentStore store = new DocumentStore();

  public DocumentService(DatabaseWorker db) {
    this.db = db;
  }

  /** Preconditions a write request carries. */
  public record Preconditions(String ifMatch, String ifNoneMatch) {
    boolean none() {
      return ifMatch == null && ifNoneMatch == null;
    }
  }

  public Future<Optional<Document>> get(DocumentKind kind, DocumentScope scope, String id) {
    return db.query(dsl -> store.find(dsl, kind, scope, id, false));
  }

  public Future<List<String>> ids(DocumentKind kind, DocumentScope scope, OffsetDateTime since) {
    return db.query(dsl -> store.ids(dsl, kind, scope, since));
  }

  public Future<Void> put(DocumentKind kind, DocumentScope scope, String id, String contentType, byte[] body,
                          Preconditions pre, XapiVersion version) {
    return write(dsl -> {
      Optional<Document> existing = store.find(dsl, kind, scope, id, true);
      check(existing, pre);
      if (pre.none() && existing.isPresent() && blindOverwriteIsConflict(kind, version)) {
        throw XapiException.conflict("The document exists already: send If-Match with its ETag to replace it, "
            + "or If-None-Match: * to create it only if it is absent");
      }
      if (pre.none() && existing.isEmpty() && kind != DocumentKind.STATE && !version.is2()) {
        // xAPI 1.0.3 (Communication 2.6/2.7, XAPI-00273): a profile PUT must carry If-Match or If-None-Match
        throw XapiException.badRequest("A profile PUT needs If-None-Match: * (to create) or If-Match (to replace)");
      }
      store.save(dsl, kind, scope, document(id, contentType, body));
      return null;
    });
  }

  public Future<Void> post(DocumentKind kind, DocumentScope scope, String id, String contentType, byte[] body,
                           Preconditions pre) {
    return write(dsl -> {
      Optional<Document> existing = store.find(dsl, kind, scope, id, true);
      check(existing, pre);
      if (existing.isEmpty()) {
        store.save(dsl, kind, scope, document(id, contentType, body));
        return null;
      }
      JsonObject merged = jsonObject(existing.get().contentType(), existing.get().contents(), "stored document");
      merged.mergeIn(jsonObject(contentType, body, "request body"));
      store.save(dsl, kind, scope, document(id, "application/json", merged.encode().getBytes(StandardCharsets.UTF_8)));
      return null;
    });
  }

  public Future<Void> delete(DocumentKind kind, DocumentScope scope, String id, Preconditions pre) {
    return write(dsl -> {
      Optional<Document> existing = store.find(dsl, kind, scope, id, true);
      check(existing, pre);
      store.delete(dsl, kind, scope, id);
      return null;
    });
  }

  public Future<Void> deleteAll(DocumentKind kind, DocumentScope scope) {
    return write(dsl -> {
      store.deleteAll(dsl, kind, scope);
      return null;
    });
  }

  private Future<Void> write(java.util.function.Function<org.jooq.DSLContext, Void> work) {
    return db.<Void>transaction(work).recover(e -> Future.failedFuture(
        e instanceof IntegrityConstraintViolationException
            ? XapiException.conflict("The document was changed by another request at the same time; retry") : e));
  }

  /**
   * xAPI 1.0.3 requires the 409 for the profile resources; 2.0.0 extends concurrency control to the State resource.
   */
  private static boolean blindOverwriteIsConflict(DocumentKind kind, XapiVersion version) {
    return kind != DocumentKind.STATE || version.is2();
  }

  private static void check(Optional<Document> existing, Preconditions pre) {
    if (pre.ifMatch() != null) {
      if (existing.isEmpty() || !matches(pre.ifMatch(), existing.get().etag())) {
        throw XapiException.preconditionFailed("If-Match does not match the document's current ETag");
      }
    }
    if (pre.ifNoneMatch() != null && existing.isPresent() && matches(pre.ifNoneMatch(), existing.get().etag())) {
      throw XapiException.preconditionFailed("If-None-Match: the document exists");
    }
  }

  private static boolean matches(String header, String etag) {
    return Arrays.stream(header.split(",")).map(String::trim)
        .map(t -> t.startsWith("W/") ? t.substring(2) : t)
        .anyMatch(t -> t.equals("*") || t.equals(etag) || ("\"" + t + "\"").equals(etag));
  }

  private static JsonObject jsonObject(String contentType, byte[] bytes, String what) {
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      throw XapiException.badRequest("POST merges JSON documents only: the " + what + " is not application/json");
    }
    try {
      return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw XapiException.badRequest("POST merges JSON objects only: the " + what + " is not a JSON object");
    }
  }

  private static Document document(String id, String contentType, byte[] body) {
    return new Document(id, contentType, body, etag(body), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
  }

  /** Quoted SHA-1 of the contents, the form the 1.0.3 conformance tests expect. */
  static String etag(byte[] body) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body)) + "\"";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
