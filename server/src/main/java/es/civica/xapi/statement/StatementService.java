package es.civica.xapi.statement;

import es.civica.EventAddresses;
import es.civica.db.DatabaseWorker;
import es.civica.xapi.XapiException;
import es.civica.xapi.XapiVersion;
import es.civica.xapi.auth.Credential;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The LRS logic of the Statement resource, between the HTTP protocol ({@code StatementRoutes}) and storage
 * ({@link StatementStore}): validation, LRS-set properties, attachments, voiding, publication on the event bus.
 */
public final class StatementService {

  private final Vertx vertx;
  private final DatabaseWorker db;
  private final StatementStore store;
  private final String homePage;
  private final ActivityDefinitions definitions;

  public StatementService(Vertx vertx, DatabaseWorker db, StatementStore store, String homePage) {
    this.vertx = vertx;
    this.db = db;
    this.store = store;
    this.homePage = homePage;
    StoredStatementsCodec.register(vertx);
    this.definitions = new ActivityDefinitions(db.database().singleWriterCache("activity-definitions", 10_000));
  }

  /**
   * Stores statements (one PUT or a POST of one or many) all-or-nothing and returns their ids in request order.
   *
   * @param statements  the statements as received (each a JsonObject)
   * @param attachments raw parts of a multipart/mixed request, by SHA-256
   * @param requiredId  the statementId of a PUT (null for POST)
   */
  public Future<List<UUID>> store(List<JsonObject> statements, Map<String, Attachment> attachments, UUID requiredId,
                                  Credential credential, XapiVersion version) {
    // Validation and preparation cost CPU per statement: done on a worker thread, not on the event loop.
    return vertx.<Prepared>executeBlocking(() -> prepareAll(statements, attachments, requiredId, credential, version), false)
        .recover(e -> Future.failedFuture(e instanceof InvalidStatementException
            ? XapiException.badRequest(e.getMessage()) : e))
        .compose(prepared -> {
          // the activity IRIs whose definition the transaction writes, known only inside it: ActivityDefinitions
          // forgets them once more when it has ended (see SingleWriterCache)
          List<List<String>> definitionsWritten = new ArrayList<>(1);
          return db.transaction(dsl -> {
                StatementStore.Inserted inserted = store.insert(dsl, prepared.batch(), prepared.attachments());
                if (!inserted.statements().isEmpty()) {
                  definitionsWritten.add(definitions.upsert(dsl, inserted.statements()));
                }
                return inserted;
              })
              .onComplete(r -> definitionsWritten.forEach(definitions::committed))
              .onSuccess(this::publish)
              .map(inserted -> prepared.batch().stream().map(PreparedStatement::id).toList());
        });
  }

  private record Prepared(List<PreparedStatement> batch, List<Attachment> attachments) {
  }

  private Prepared prepareAll(List<JsonObject> statements, Map<String, Attachment> attachments, UUID requiredId,
                              Credential credential, XapiVersion version) {
    if (statements.isEmpty()) {
      throw XapiException.badRequest("No statement in the request");
    }
    OffsetDateTime stored = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    JsonObject authority = credential.authority(homePage);
    List<PreparedStatement> batch = new ArrayList<>(statements.size());
    Set<UUID> seen = new HashSet<>();
    Set<String> declaredHashes = new HashSet<>();
    for (JsonObject raw : statements) {
      PreparedStatement p = prepare(raw, stored, authority, credential.id(), version, attachments);
      if (!seen.add(p.id())) {
        throw XapiException.badRequest("Statement id " + p.id() + " appears twice in the request");
      }
      collectHashes(p.payload(), declaredHashes);
      batch.add(p);
    }
    if (requiredId != null && !batch.get(0).id().equals(requiredId)) {
      throw XapiException.badRequest("The statement's id does not match the statementId parameter");
    }
    for (String sha : attachments.keySet()) {
      if (!declaredHashes.contains(sha)) {
        throw XapiException.badRequest("Attachment part " + sha + " is not declared by any statement");
      }
    }
    return new Prepared(batch, new ArrayList<>(attachments.values()));
  }

  private PreparedStatement prepare(JsonObject raw, OffsetDateTime stored, JsonObject authority, long credentialId,
                                    XapiVersion version, Map<String, Attachment> attachments) {
    StatementValidator.validate(raw, version);
    JsonObject submitted = StatementValidator.normalize(raw, version);
    // A copy of the top level only: the LRS sets top-level properties (id, stored, timestamp, authority) and never
    // changes a nested one, so the nested objects can be shared with the submitted form (kept for the 409 check).
    JsonObject payload = new JsonObject(new LinkedHashMap<>(submitted.getMap()));
    UUID id = payload.getString("id") == null ? UUID.randomUUID() : UUID.fromString(payload.getString("id"));
    payload.put("id", id.toString());
    String storedText = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(stored);
    payload.put("stored", storedText);
    if (payload.getString("timestamp") == null) {
      payload.put("timestamp", storedText);
    }
    payload.put("authority", authority);
    checkAttachments(payload, attachments);

    JsonObject object = payload.getJsonObject("object");
    JsonObject verb = payload.getJsonObject("verb");
    UUID voids = null;
    if (StatementValidator.VOIDED_VERB.equals(verb.getString("id"))) {
      if (!"StatementRef".equals(object.getString("objectType"))) {
        throw XapiException.badRequest("A voiding statement's object must be a StatementRef");
      }
      voids = UUID.fromString(object.getString("id"));
    }
    JsonObject context = payload.getJsonObject("context");
    UUID registration = context != null && context.getString("registration") != null
        ? UUID.fromString(context.getString("registration")) : null;
    return new PreparedStatement(id, payload, submitted, registration, verb.getString("id"), voids, stored,
        Formats.parseTimestamp(payload.getString("timestamp"), version).orElseThrow().atOffset(ZoneOffset.UTC), credentialId, StatementIndexEntries.of(payload));
  }

  /**
   * Every attachment without a fileUrl must come as a part; signatures are checked (their content type was already
   * checked with the statement, by AttachmentRules).
   */
  private void checkAttachments(JsonObject statement, Map<String, Attachment> parts) {
    JsonArray declared = statement.getJsonArray("attachments");
    if (declared == null) {
      return;
    }
    for (Object o : declared) {
      JsonObject a = (JsonObject) o;
      String sha = a.getString("sha2");
      Attachment part = parts.get(sha);
      if (part == null && a.getString("fileUrl") == null) {
        throw XapiException.badRequest("Attachment " + sha + " has no fileUrl and no part in the request");
      }
      if (SignedStatementVerifier.SIGNATURE_USAGE_TYPE.equals(a.getString("usageType"))) {
        if (part == null) {
          throw XapiException.badRequest("A signature attachment must be sent as a part");
        }
        SignedStatementVerifier.verify(statement, part.contents());
      }
    }
  }

  private static void collectHashes(JsonObject statement, Set<String> out) {
    JsonArray declared = statement.getJsonArray("attachments");
    if (declared != null) {
      declared.forEach(a -> out.add(((JsonObject) a).getString("sha2")));
    }
  }

  private void publish(StatementStore.Inserted inserted) {
    if (inserted.statements().isEmpty()) {
      return;
    }
    JsonArray payloads = new JsonArray();
    inserted.statements().forEach(p -> payloads.add(p.payload()));
    JsonArray storageIds = new JsonArray();
    for (long id : inserted.storageIds()) {
      storageIds.add(id);
    }
    // shared by every consumer, not copied for each: see StoredStatementsCodec
    vertx.eventBus().publish(EventAddresses.LRS_STATEMENT_STORED,
        new JsonObject().put("statements", payloads).put("storageIds", storageIds), StoredStatementsCodec.DELIVERY);
  }

  public Future<JsonObject> find(UUID id, boolean voided, Credential credential) {
    Long only = credential.canReadAllStatements() ? null : credential.id();
    return db.query(dsl -> store.find(dsl, id, voided, only)
        .orElseThrow(() -> XapiException.notFound("No statement " + id)));
  }

  public Future<StatementStore.Page> query(StatementQuery query) {
    return db.query(dsl -> store.query(dsl, query));
  }

  public Future<List<Attachment>> attachments(Set<String> sha2s) {
    return db.query(dsl -> store.attachments(dsl, sha2s));
  }

  /** Maps the parts of a multipart request by the hash their header declares. */
  public static Map<String, Attachment> byHash(List<Attachment> parts) {
    Map<String, Attachment> map = new HashMap<>();
    parts.forEach(p -> map.put(p.sha2(), p));
    return map;
  }
}
