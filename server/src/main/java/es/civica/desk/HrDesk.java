package es.civica.desk;

import es.civica.certification.CertificateException;
import es.civica.certification.CertificateRecord;
import es.civica.certification.CertificateRegistry;
import es.civica.certification.CertificateStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HR desk's certificate work, on the certificates registry (issue 7): verify by id or by the PDF's fingerprint,
 * bulk verification of a roster, the certificates of the HR account's organisations, revocation with a reason.
 * Every action goes to the desk's audit log.
 */
public final class HrDesk {
  /** Rows a bulk verification accepts at once. */
  public static final int MAX_ROWS = 5000;
  /** Largest PDF accepted for comparison. */
  public static final int MAX_PDF = 5 * 1024 * 1024;

  private final CertificateRegistry registry;
  private final DeskService desk;

  public HrDesk(CertificateRegistry registry, DeskService desk) {
    this.registry = registry;
    this.desk = desk;
  }

  /** One roster row and its outcome. */
  public record BulkRow(int line, String name, String employeeId, String certificateId, String outcome, String detail) {
    public JsonObject toJson() {
      return new JsonObject().put("line", line).put("name", name).put("employeeId", employeeId)
          .put("certificateId", certificateId).put("outcome", outcome).put("detail", detail);
    }
  }

  public LocalDate today() {
    return registry.today();
  }

  /** Whether an account may manage (see details of, revoke) this certificate. */
  static boolean mine(Staff who, CertificateRecord c) {
    return who.role() == Staff.Role.ADMIN || (c.organisation() != null && who.organisations().contains(c.organisation()));
  }

  public Future<JsonObject> verify(AuditLog.Actor actor, Staff who, String id) {
    return registry.verify(id).compose(v -> desk.record(actor, "certificate.verify", id,
            new JsonObject().put("status", v.status().name()))
        .map(x -> json(who, v)));
  }

  public Future<JsonObject> comparePdf(AuditLog.Actor actor, Staff who, String id, byte[] pdf) {
    return registry.compareFingerprint(id, pdf).compose(check -> {
      String result = check.verification().status() == CertificateStatus.NOT_FOUND ? "NOT_FOUND"
          : check.identical() ? "IDENTICAL" : "ALTERED";
      return desk.record(actor, "certificate.pdf", id, new JsonObject().put("result", result)
              .put("sha256", check.sha256()))
          .map(x -> json(who, check.verification()).put("result", result).put("identical", check.identical())
              .put("sha256", check.sha256()));
    });
  }

  private JsonObject json(Staff who, CertificateRegistry.Verification v) {
    LocalDate today = registry.today();
    return v.certificate().filter(c -> mine(who, c)).map(c -> c.adminJson(today))
        .orElseGet(() -> v.toJson(today));
  }

  /** Certificates of the account's organisations (all for an admin), newest first. */
  public Future<List<CertificateRecord>> list(Staff who, String search, int limit) {
    if (who.role() == Staff.Role.ADMIN) {
      return registry.listByOrganisation(null, search, limit, 0);
    }
    List<Future<List<CertificateRecord>>> parts = who.organisations().stream()
        .map(org -> registry.listByOrganisation(org, search, limit, 0)).toList();
    return Future.all(parts).map(all -> {
      List<CertificateRecord> merged = new ArrayList<>();
      parts.forEach(p -> merged.addAll(p.result()));
      merged.sort(Comparator.comparing(CertificateRecord::issuedAt).reversed());
      return merged.size() > limit ? merged.subList(0, limit) : merged;
    });
  }

  public Future<CertificateRecord> revoke(AuditLog.Actor actor, Staff who, String id, String reason) {
    return registry.find(id).compose(found -> {
      if (found.isEmpty() || !mine(who, found.get())) {
        return Future.failedFuture(new CertificateException(404, "No such certificate in your organisations"));
      }
      return registry.revoke(id, reason, "desk:" + who.email())
          .compose(c -> desk.record(actor, "certificate.revoke", id, new JsonObject().put("reason", reason.strip()))
              .map(x -> c));
    });
  }

  /**
   * Checks a roster: each row's certificate id → valid, revoked, expired, not found, or name mismatch (the
   * certificate exists and is valid but its holder's name is not the roster's, compared ignoring case, accents
   * and repeated spaces).
   */
  public Future<List<BulkRow>> bulk(AuditLog.Actor actor, List<String[]> rows) {
    List<Future<BulkRow>> checks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      int line = Integer.parseInt(r[3]);
      String name = r[0];
      String employee = r[1];
      String id = r[2].trim().toLowerCase(Locale.ROOT);
      checks.add(registry.verify(id).map(v -> {
        Optional<CertificateRecord> c = v.certificate();
        String outcome = switch (v.status()) {
          case NOT_FOUND -> "not found";
          case REVOKED -> "revoked";
          case EXPIRED -> "expired";
          case VALID -> sameName(name, c.get().holderName()) ? "valid" : "name mismatch";
        };
        String detail = c.map(x -> switch (v.status()) {
          case REVOKED -> x.revocationReason();
          case EXPIRED -> "expired " + x.expiresOn();
          default -> x.holderName();
        }).orElse(null);
        return new BulkRow(line, name, employee, id, outcome, detail);
      }));
    }
    return Future.all(checks).compose(all -> {
      List<BulkRow> out = checks.stream().map(Future::result).toList();
      JsonObject counts = new JsonObject();
      out.forEach(r -> counts.put(r.outcome(), counts.getInteger(r.outcome(), 0) + 1));
      return desk.record(actor, "certificate.bulk", null, new JsonObject().put("rows", out.size()).put("outcomes", counts))
          .map(x -> out);
    });
  }

  static boolean sameName(String a, String b) {
    return normal(a).equals(normal(b));
  }

  private static String normal(String s) {
    String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
  }

  /**
   * Parses a roster: columns name, employee id, certificate id (a header row naming them is skipped; comma or
   * semicolon separated, quotes as RFC 4180). Each row gets its line number as a 4th cell.
   */
  public static List<String[]> parseRoster(String csv) {
    List<String[]> rows = new ArrayList<>();
    String[] lines = csv.replace("\uFEFF", "").split("\r\n|\n|\r");
    char sep = lines.length > 0 && lines[0].indexOf(';') >= 0 && lines[0].indexOf(',') < 0 ? ';' : ',';
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> cells = cells(lines[i], sep);
      if (rows.isEmpty() && i == firstNonBlank(lines) && looksLikeHeader(cells)) {
        continue;
      }
      while (cells.size() < 3) {
        cells.add("");
      }
      rows.add(new String[] {cells.get(0).trim(), cells.get(1).trim(), cells.get(2).trim(), String.valueOf(i + 1)});
    }
    return rows;
  }

  private static int firstNonBlank(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean looksLikeHeader(List<String> cells) {
    String last = cells.isEmpty() ? "" : normal(cells.get(cells.size() - 1));
    return last.contains("certif") || last.equals("id");
  }

  private static List<String> cells(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == sep) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static String csv(List<BulkRow> rows) {
    StringBuilder b = new StringBuilder(Csv.row(List.of("line", "name", "employee_id", "certificate_id", "result", "detail")));
    rows.forEach(r -> b.append(Csv.row(java.util.Arrays.asList(r.line(), r.name(), r.employeeId(), r.certificateId(),
        r.outcome(), r.detail()))));
    return b.toString();
  }

  static byte[] base64(String text) {
    try {
      return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static JsonArray json(List<CertificateRecord> list, LocalDate today) {
    return new JsonArray(list.stream().map(c -> c.adminJson(today)).toList());
  }
}
