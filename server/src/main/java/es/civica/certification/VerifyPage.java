package es.civica.certification;

import es.civica.certificates.UnitResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The phone-first HTML of {@code /verify/{id}}: the status in large type, then every field the certificate states,
 * rebuilt from our record, and a place to drop the PDF to compare it with the one issued. Spanish; no external
 * request (its stylesheet and script are served from {@code /verify/assets/}).
 */
final class VerifyPage {
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-ES"));

  private VerifyPage() {
  }

  static String render(CertificateRegistry.Verification v, LocalDate today) {
    StringBuilder b = new StringBuilder(4096);
    CertificateStatus status = v.status();
    head(b, "Verificación de certificado: " + status.spanish());
    b.append("<p class=\"kicker\">Verificación de certificado</p>\n");
    b.append("<section class=\"status status-").append(status.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .append("\" aria-labelledby=\"status-word\">\n<h1 id=\"status-word\" data-status=\"").append(status.name())
        .append("\">").append(status.spanish()).append("</h1>\n<p>");
    if (v.certificate().isEmpty()) {
      b.append("No hay ningún certificado con el identificador <code>").append(esc(v.id())).append("</code>. ")
          .append("Compruebe que el enlace o el código QR están completos.</p>\n</section>\n");
      foot(b);
      return b.toString();
    }
    CertificateRecord c = v.certificate().get();
    switch (status) {
      case VALID -> b.append("Este certificado fue emitido por ").append(esc(c.issuerName()))
          .append(" y está en vigor.");
      case EXPIRED -> b.append("Este certificado fue emitido por ").append(esc(c.issuerName()))
          .append(", pero su validez terminó el ").append(date(c.expiresOn())).append('.');
      case REVOKED -> b.append("El emisor revocó este certificado el <strong>").append(date(c.revokedAt().toLocalDate()))
          .append("</strong>. Motivo: <strong>").append(esc(c.revocationReason())).append("</strong>.");
      default -> { }
    }
    b.append("</p>\n</section>\n");

    b.append("<section aria-labelledby=\"fields-h\">\n<h2 id=\"fields-h\">Lo que acredita</h2>\n<dl class=\"fields\">\n");
    field(b, "Titular", esc(c.holderName()), "holder");
    field(b, "Curso", esc(c.courseTitle()), "course");
    field(b, "Duración", c.hours() + " horas", "hours");
    field(b, "Fecha de emisión", date(c.issuedOn()), "issued");
    field(b, "Válido hasta", c.expiresOn() == null ? "Sin caducidad" : date(c.expiresOn()), "expires");
    field(b, "Emisor", esc(c.issuerName()) + "<br><span class=\"small\">" + esc(c.issuerUrl()) + "</span>", "issuer");
    field(b, "Identificador", "<code>" + esc(c.id()) + "</code>", "id");
    if (c.replacesId() != null) {
      field(b, "Sustituye a", link(c.replacesId()), "replaces");
    }
    if (c.replacedById() != null) {
      field(b, "Renovado por", link(c.replacedById()), "replaced-by");
    }
    b.append("</dl>\n</section>\n");

    b.append("<p id=\"token-result\" class=\"compare-result\" role=\"status\" hidden></p>\n");
    b.append("<section aria-labelledby=\"units-h\">\n<h2 id=\"units-h\">Unidades superadas</h2>\n<ol class=\"units\">\n");
    for (UnitResult u : c.units()) {
      b.append("<li data-unit=\"").append(u.number()).append("\"><span class=\"unit-title\">Unidad ").append(u.number())
          .append(". ").append(esc(u.title())).append("</span><span class=\"unit-meta\">Superada el ")
          .append(date(u.passedOn())).append(" · nota ").append(percent(u.scaledScore())).append("</span></li>\n");
    }
    b.append("</ol>\n</section>\n");

    b.append("<section class=\"compare\" aria-labelledby=\"compare-h\">\n<h2 id=\"compare-h\">¿Es este el PDF emitido?</h2>\n")
        .append("<p>Elija o arrastre aquí el PDF que le han entregado: se compara su huella SHA-256 con la del ")
        .append("documento que emitimos. Cualquier cambio, por pequeño que sea, lo delata. El archivo no se guarda.</p>\n")
        .append("<div id=\"drop\" class=\"drop\"><label for=\"pdf\">Elegir el PDF del certificado</label>\n")
        .append("<input type=\"file\" id=\"pdf\" name=\"pdf\" accept=\"application/pdf,.pdf\"></div>\n")
        .append("<p id=\"compare-result\" class=\"compare-result\" role=\"status\" aria-live=\"polite\"></p>\n")
        .append("<noscript><p>Para comparar el PDF hace falta JavaScript.</p></noscript>\n</section>\n");
    foot(b);
    return b.toString();
  }

  /** The page a client sees when it asked too often. */
  static String tooMany(long retryAfterSeconds) {
    StringBuilder b = new StringBuilder();
    head(b, "Demasiadas consultas");
    b.append("<section class=\"status status-not-found\"><h1>Demasiadas consultas</h1><p>Espere ")
        .append(retryAfterSeconds).append(" s y vuelva a intentarlo.</p></section>\n");
    foot(b);
    return b.toString();
  }

  private static void head(StringBuilder b, String title) {
    b.append("<!doctype html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"robots\" content=\"noindex\">\n")
        .append("<title>").append(esc(title)).append(" · Cívica</title>\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<link rel=\"stylesheet\" href=\"/verify/assets/verify.css\">\n")
        .append("<script src=\"/verify/assets/verify.js\" defer></script>\n")
        .append("</head>\n<body>\n<main id=\"main\">\n");
  }

  private static void foot(StringBuilder b) {
    b.append("</main>\n<footer><p>Verificación en línea de los certificados de Cívica. Los datos mostrados proceden ")
        .append("del registro del emisor, no del documento presentado.</p></footer>\n</body>\n</html>\n");
  }

  private static void field(StringBuilder b, String label, String html, String key) {
    b.append("<div data-field=\"").append(key).append("\"><dt>").append(label).append("</dt><dd>").append(html)
        .append("</dd></div>\n");
  }

  private static String link(String id) {
    return "<a href=\"/verify/" + esc(id) + "\"><code>" + esc(id) + "</code></a>";
  }

  static String date(LocalDate day) {
    return LONG_DATE.format(day);
  }

  /** 85 % with a Spanish decimal comma when needed, as printed on the certificate. */
  static String percent(double scaledScore) {
    BigDecimal p = BigDecimal.valueOf(scaledScore * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return p.toPlainString().replace('.', ',') + "\u00a0%";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
