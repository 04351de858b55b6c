package es.civica.scorm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills the launcher templates in {@code es/civica/scorm/launcher/}. */
final class LauncherPages {

    /** The SCORM launcher script, shared by every SCO of a package (an asset resource in the manifest). */
    static final String SCORM_SCRIPT = "civica-scorm-launcher.js";
    /** The cmi5 launcher script, served by the server next to {@code launch.html}. */
    static final String CMI5_SCRIPT = "civica-cmi5-launcher.js";

    private static final String TEMPLATES = "/es/civica/scorm/launcher/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)\\}\\}");

    private LauncherPages() {
    }

    /** The SCO launch page of a unit: {@code unit3.html}. */
    static String unitPage(UnitPackageInfo unit) {
        return "unit" + unit.number() + ".html";
    }

    static String scormPage(PackageScope scope, UnitPackageInfo unit, ScormVersion version, DispatchTarget target) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("standard", version.code());
        config.put("serverOrigin", target.serverOrigin());
        config.put("launchUrl", target.launchUrl());
        config.put("dispatch", target.binding());
        config.put("dispatchId", target.registrationId());
        config.put("scope", scope.kind());
        config.put("course", scope.course().courseIri());
        config.put("unit", unit.number());
        config.put("activityId", unit.iri());
        config.put("title", unit.title());
        config.put("passMark", unit.passMark());
        String duration = unit.estimatedMinutes() > 0
                ? "Duración estimada: " + unit.estimatedMinutes() + " minutos." : "";
        return fill(template("scorm-launcher.html"), Map.of(
                "lang", html(scope.course().language()),
                "serverOrigin", html(target.serverOrigin()),
                "description", html(unit.description()),
                "title", html(unit.title()),
                "duration", html(duration),
                "config", Json.object(config)));
    }

    static String cmi5Page(String serverBaseUrl, String serverOrigin, String language, String title) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("standard", ScormVersion.CMI5.code());
        config.put("serverOrigin", serverOrigin);
        config.put("launchUrl", serverBaseUrl + LaunchParameters.LAUNCH_PATH);
        config.put("title", title);
        return fill(template("cmi5-launch.html"), Map.of(
                "lang", html(language),
                "serverOrigin", html(serverOrigin),
                "title", html(title),
                "config", Json.object(config)));
    }

    /** Replaces each {@code {{name}}} in one pass, so a value is never scanned for placeholders itself. */
    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static byte[] script(String name) {
        return resource(TEMPLATES + name);
    }

    private static String template(String name) {
        return new String(resource(TEMPLATES + name), StandardCharsets.UTF_8);
    }

    static byte[] resource(String path) {
        try (InputStream in = LauncherPages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(String value) {
        return XmlElement.escape(value, true).replace("'", "&#39;");
    }
}
