package es.civica.xapi.statement;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two statements are "the same" under the Statement Comparison Requirements (Data 2.3.1): differences the
 * LRS may cause or that the spec exempts from immutability are ignored. Used for signed statements (is the JWS
 * payload the statement?) and for a statement id that is already stored (equal duplicate, or 409 Conflict).
 *
 * <p>Ignored: authority, stored, attachments; id, timestamp and version when only one side has them; verb display and
 * activity definitions (not part of the statement); the order of group members; the case of e-mail domains and UUIDs;
 * timestamp serialization (compared as instants to the millisecond); duration precision beyond 0.01 s; a single
 * context activity versus an array of one; numeric representation (1 equals 1.0); an omitted objectType equal to its
 * default (Agent, Activity).
 */
public final class StatementEquivalence {

  private static final Set<String> IGNORED = Set.of("authority", "stored", "attachments");
  private static final Set<String> ASSIGNABLE = Set.of("id", "timestamp", "version");

  private StatementEquivalence() {}

  public static boolean equivalent(JsonObject a, JsonObject b) {
    return statements(a, b, true);
  }

  private static boolean statements(JsonObject a, JsonObject b, boolean topLevel) {
    Set<String> keys = new HashSet<>(a.fieldNames());
    keys.addAll(b.fieldNames());
    for (String key : keys) {
      if (IGNORED.contains(key)) {
        continue;
      }
      Object x = a.getValue(key);
      Object y = b.getValue(key);
      if (topLevel && ASSIGNABLE.contains(key) && (x == null || y == null)) {
        continue; // the LRS assigns these when absent, so a missing one never makes a difference
      }
      boolean same = switch (key) {
        case "id" -> uuids(x, y);
        case "actor" -> actors(x, y);
        case "verb" -> x instanceof JsonObject v && y instanceof JsonObject w && Objects.equals(v.getValue("id"),
            w.getValue("id"));
        case "object" -> objects(x, y);
        case "result" -> results(x, y);
        case "context" -> contexts(x, y);
        case "timestamp" -> timestamps(x, y);
        default -> values(x, y);
      };
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean objects(Object x, Object y) {
    if (!(x instanceof JsonObject a) || !(y instanceof JsonObject b)) {
      return values(x, y);
    }
    String type = typeOr(a, "Activity");
    if (!type.equals(typeOr(b, "Activity"))) {
      return false;
    }
    return switch (type) {
      case "Activity" -> Objects.equals(a.getValue("id"), b.getValue("id"));
      case "Agent", "Group" -> actors(a, b);
      case "StatementRef" -> uuids(a.getValue("id"), b.getValue("id"));
      case "SubStatement" -> statements(a, b, false);
      default -> values(a, b);
    };
  }

  private static boolean actors(Object x, Object y) {
    if (!(x instanceof JsonObject a) || !(y instanceof JsonObject b)) {
      return values(x, y);
    }
    if (!typeOr(a, "Agent").equals(typeOr(b, "Agent")) || !Objects.equals(a.getValue("name"), b.getValue("name"))) {
      return false;
    }
    if (!Objects.equals(mbox(a.getValue("mbox")), mbox(b.getValue("mbox")))
        || !Objects.equals(lower(a.getValue("mbox_sha1sum")), lower(b.getValue("mbox_sha1sum")))
        || !Objects.equals(a.getValue("openid"), b.getValue("openid"))
        || !values(a.getValue("account"), b.getValue("account"))) {
      return false;
    }
    return unorderedActors(a.getValue("member"), b.getValue("member"));
  }

  private static boolean unorderedActors(Object x, Object y) {
    if (!(x instanceof JsonArray a) || !(y instanceof JsonArray b)) {
      return x == null && y == null;
    }
    List<Object> unmatched = asList(b);
    if (a.size() != unmatched.size()) {
      return false;
    }
    members:
    for (int i = 0; i < a.size(); i++) {
      for (Iterator<Object> candidates = unmatched.iterator(); candidates.hasNext(); ) {
        if (actors(a.getValue(i), candidates.next())) {
          candidates.remove();
          continue members;
        }
      }
      return false;
    }
    return true;
  }

  private static boolean results(Object x, Object y) {
    if (!(x instanceof JsonObject a) || !(y instanceof JsonObject b)) {
      return values(x, y);
    }
    JsonObject left = a.copy();
    JsonObject right = b.copy();
    Object leftDuration = left.remove("duration");
    Object rightDuration = right.remove("duration");
    return Objects.equals(hundredths(leftDuration), hundredths(rightDuration)) && values(left, right);
  }

  private static boolean contexts(Object x, Object y) {
    if (!(x instanceof JsonObject a) || !(y instanceof JsonObject b)) {
      return values(x, y);
    }
    Set<String> keys = new HashSet<>(a.fieldNames());
    keys.addAll(b.fieldNames());
    for (String key : keys) {
      Object u = a.getValue(key);
      Object v = b.getValue(key);
      boolean same = switch (key) {
        case "registration" -> uuids(u, v);
        case "instructor", "team" -> actors(u, v);
        case "statement" -> u instanceof JsonObject r && v instanceof JsonObject s
            ? uuids(r.getValue("id"), s.getValue("id")) : values(u, v);
        case "contextActivities" -> contextActivities(u, v);
        case "contextAgents" -> wrappedActors(u, v, "agent");
        case "contextGroups" -> wrappedActors(u, v, "group");
        default -> values(u, v);
      };
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean contextActivities(Object x, Object y) {
    if (!(x instanceof JsonObject a) || !(y instanceof JsonObject b)) {
      return values(x, y);
    }
    for (String kind : ContextRules.ACTIVITY_KINDS) {
      List<Object> left = asList(a.getValue(kind));
      List<Object> right = asList(b.getValue(kind));
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!objects(left.get(i), right.get(i))) {
          return false;
        }
      }
    }
    return a.fieldNames().stream().allMatch(ContextRules.ACTIVITY_KINDS::contains)
        && b.fieldNames().stream().allMatch(ContextRules.ACTIVITY_KINDS::contains);
  }

  private static boolean wrappedActors(Object x, Object y, String key) {
    if (!(x instanceof JsonArray a) || !(y instanceof JsonArray b) || a.size() != b.size()) {
      return values(x, y);
    }
    for (int i = 0; i < a.size(); i++) {
      if (!(a.getValue(i) instanceof JsonObject u) || !(b.getValue(i) instanceof JsonObject v)) {
        return values(a, b);
      }
      JsonObject left = u.copy();
      JsonObject right = v.copy();
      if (!actors(left.remove(key), right.remove(key)) || !values(left, right)) {
        return false;
      }
    }
    return true;
  }

  private static boolean timestamps(Object x, Object y) {
    Optional<Instant> a = x instanceof String s ? Formats.parseTimestamp(s, XapiVersion.V1_0_3) : Optional.empty();
    Optional<Instant> b = y instanceof String s ? Formats.parseTimestamp(s, XapiVersion.V1_0_3) : Optional.empty();
    if (a.isEmpty() || b.isEmpty()) {
      return values(x, y);
    }
    return a.get().truncatedTo(ChronoUnit.MILLIS).equals(b.get().truncatedTo(ChronoUnit.MILLIS));
  }

  /** Deep JSON equality where numbers compare by value. */
  static boolean values(Object x, Object y) {
    if (x instanceof Number m && y instanceof Number n) {
      return new BigDecimal(m.toString()).compareTo(new BigDecimal(n.toString())) == 0;
    }
    if (x instanceof JsonObject a && y instanceof JsonObject b) {
      if (!a.fieldNames().equals(b.fieldNames())) {
        return false;
      }
      for (String key : a.fieldNames()) {
        if (!values(a.getValue(key), b.getValue(key))) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof JsonArray a && y instanceof JsonArray b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!values(a.getValue(i), b.getValue(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(x, y);
  }

  /** "P1DT0.1237S" and "P1DT0.12S" are the same duration: precision beyond 0.01 s is not compared (Data 4.6). */
  static Object hundredths(Object duration) {
    if (!(duration instanceof String text)) {
      return duration;
    }
    return text.replaceAll("([.,]\\d{2})\\d+S$", "$1S");
  }

  private static List<Object> asList(Object value) {
    List<Object> list = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        list.add(array.getValue(i));
      }
    } else if (value != null) {
      list.add(value);
    }
    return list;
  }

  private static boolean uuids(Object x, Object y) {
    return Objects.equals(lower(x), lower(y));
  }

  private static String typeOr(JsonObject object, String fallback) {
    return object.getValue("objectType") instanceof String type ? type : fallback;
  }

  private static Object lower(Object value) {
    return value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
  }

  /** mailto:Local@Domain — the domain is case-insensitive, the local part is not. */
  private static Object mbox(Object value) {
    if (!(value instanceof String mbox)) {
      return value;
    }
    int at = mbox.lastIndexOf('@');
    return at < 0 ? mbox : mbox.substring(0, at) + mbox.substring(at).toLowerCase(Locale.ROOT);
  }
}
