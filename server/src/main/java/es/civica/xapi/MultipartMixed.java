package es.civica.xapi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code multipart/mixed} bodies (RFC 2046), the form xAPI uses for statements with attachments.
 * Vert.x's BodyHandler only decodes multipart/form-data, so this works on the raw body.
 */
public final class MultipartMixed {
  private MultipartMixed() {
  }

  /** One body part: its headers and raw bytes. */
  public record Part(MultiMap headers, byte[] content) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  public static String boundary(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase().startsWith("boundary=")) {
        String b = p.substring(9).trim();
        if (b.startsWith("\"") && b.endsWith("\"") && b.length() > 1) {
          b = b.substring(1, b.length() - 1);
        }
        if (!b.isEmpty()) {
          return b;
        }
      }
    }
    throw XapiException.badRequest("multipart/mixed needs a boundary parameter");
  }

  public static List<Part> parse(String contentType, Buffer body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(bytes, delimiter, 0);
    if (pos < 0) {
      throw XapiException.badRequest("multipart/mixed body has no boundary line");
    }
    while (true) {
      int afterDelimiter = pos + delimiter.length;
      if (afterDelimiter + 1 < bytes.length && bytes[afterDelimiter] == '-' && bytes[afterDelimiter + 1] == '-') {
        break;
      }
      int lineEnd = indexOf(bytes, new byte[] {'\r', '\n'}, afterDelimiter);
      if (lineEnd < 0) {
        throw XapiException.badRequest("multipart/mixed body is cut short");
      }
      int headersEnd = indexOf(bytes, new byte[] {'\r', '\n', '\r', '\n'}, lineEnd);
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      int contentStart;
      if (headersEnd == lineEnd) {
        contentStart = lineEnd + 4;
      } else {
        if (headersEnd < 0) {
          throw XapiException.badRequest("multipart/mixed part has no end of headers");
        }
        String headerText = new String(bytes, lineEnd + 2, headersEnd - lineEnd - 2, StandardCharsets.UTF_8);
        for (String line : headerText.split("\r\n")) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
          }
        }
        contentStart = headersEnd + 4;
      }
      int next = indexOf(bytes, concat(new byte[] {'\r', '\n'}, delimiter), contentStart);
      if (next < 0) {
        throw XapiException.badRequest("multipart/mixed part has no closing boundary");
      }
      byte[] content = new byte[next - contentStart];
      System.arraycopy(bytes, contentStart, content, 0, content.length);
      parts.add(new Part(headers, content));
      pos = next + 2;
    }
    return parts;
  }

  /** Writes parts with a fresh boundary; returns the Content-Type to send with the body. */
  public static Written write(List<Part> parts) {
    String boundary = "xapi-" + java.util.UUID.randomUUID();
    Buffer out = Buffer.buffer();
    for (Part p : parts) {
      out.appendString("--" + boundary + "\r\n");
      p.headers().forEach(h -> out.appendString(h.getKey() + ": " + h.getValue() + "\r\n"));
      out.appendString("\r\n");
      out.appendBytes(p.content());
      out.appendString("\r\n");
    }
    out.appendString("--" + boundary + "--\r\n");
    return new Written("multipart/mixed; boundary=" + boundary, out);
  }

  public record Written(String contentType, Buffer body) {
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
