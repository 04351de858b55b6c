package es.civica.xapi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What an xAPI handler answers; the protocol layer adds the headers every response carries. */
public record XapiResponse(int status, MultiMap headers, Buffer body) {

  public static XapiResponse json(int status, Object json) {
    String text = json instanceof JsonObject o ? o.encode() : ((JsonArray) json).encode();
    return new XapiResponse(status, MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json; charset=utf-8"), Buffer.buffer(text));
  }

  public static XapiResponse noContent() {
    return new XapiResponse(204, MultiMap.caseInsensitiveMultiMap(), null);
  }

  public static XapiResponse of(int status, String contentType, Buffer body) {
    return new XapiResponse(status, MultiMap.caseInsensitiveMultiMap().add("Content-Type", contentType), body);
  }

  /** An HTTP date (RFC 1123, GMT) for Last-Modified. */
  public static String httpDate(OffsetDateTime t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
  }

  public XapiResponse header(String name, String value) {
    headers.set(name, value);
    return this;
  }
}
