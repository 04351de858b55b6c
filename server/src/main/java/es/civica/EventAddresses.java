package es.civica;

/** Event-bus addresses of the product, dotted lowercase, all in one place. */
public final class EventAddresses {
  /**
   * Published after the transaction that stored statements commits. Payload: a JsonObject
   * {@code {"statements": [<statement as stored>...], "storageIds": [<long>...]}} — one message per accepted request
   * (a POST of many is one message), statements in storage order, with their storage ids (xapi_statement.id, the
   * same order). Voiding statements are included; subscribers apply voiding themselves.
   * Every consumer receives the same object, not a copy: consumers read it and never change it.
   */
  public static final String LRS_STATEMENT_STORED = "lrs.statement.stored";

  private EventAddresses() {
  }
}
