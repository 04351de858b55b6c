package es.civica.xapi.statement;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Delivers the {@code lrs.statement.stored} message to every local consumer as the same JsonObject, where Vert.x's
 * JSON codec would give each consumer a deep copy. Why: with three consumers those copies of every stored statement
 * took a sixth of the server's CPU under ingest. The price is a contract: consumers only read the message (they all
 * do; a consumer that wants to change it copies it first).
 */
final class StoredStatementsCodec implements MessageCodec<JsonObject, JsonObject> {

  static final String NAME = "lrs-stored-statements";
  static final DeliveryOptions DELIVERY = new DeliveryOptions().setCodecName(NAME).setLocalOnly(true);

  /** Registers the codec once per Vert.x instance (a second StatementService on the same instance reuses it). */
  static synchronized void register(Vertx vertx) {
    try {
      vertx.eventBus().registerCodec(new StoredStatementsCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // registered by an earlier StatementService of this Vert.x instance
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject message) {
    Buffer encoded = message.toBuffer();
    buffer.appendInt(encoded.length()).appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject message) {
    return message;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
