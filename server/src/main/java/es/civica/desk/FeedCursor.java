package es.civica.desk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque sync cursor: a version tag and the last feed sequence number seen, base64url-encoded. */
public final class FeedCursor {
  private static final String PREFIX = "c1.";

  private FeedCursor() {
  }

  public static String encode(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
  }

  /** The sequence number in a cursor; empty when the cursor is not one of ours. A missing cursor is 0. */
  public static Optional<Long> decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return Optional.of(0L);
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        return Optional.empty();
      }
      long seq = Long.parseLong(text.substring(PREFIX.length()));
      return seq < 0 ? Optional.empty() : Optional.of(seq);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
