package es.civica.scorm;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Which server a package calls and which dispatch registration (the LMS it was issued to) it is bound to.
 * The server stores the registration (LMS name, origin, base URL, seat cap, expiry) and signs the binding;
 * this library only embeds what it is given.
 *
 * @param serverBaseUrl  the Cívica server, {@code https://host[:port][/prefix]} without a trailing slash
 *                       ({@code http} only for loopback hosts, for local testing)
 * @param registrationId the dispatch registration's id (informational: sent as {@code dispatchId})
 * @param binding        the signed opaque binding the server issued for this registration (sent as
 *                       {@code dispatch}); the server verifies it on every launch
 */
public record DispatchTarget(String serverBaseUrl, String registrationId, String binding) {

    public DispatchTarget {
        serverBaseUrl = normalizeBaseUrl(serverBaseUrl);
        Objects.requireNonNull(registrationId, "registrationId");
        if (!registrationId.matches("[A-Za-z0-9._~-]{1,128}")) {
            throw new IllegalArgumentException("registrationId must be 1-128 characters of [A-Za-z0-9._~-]");
        }
        Objects.requireNonNull(binding, "binding");
        if (!binding.matches("[\\x21-\\x7E]{1,4096}")) {
            throw new IllegalArgumentException("binding must be 1-4096 printable ASCII characters without spaces");
        }
    }

    /** {@code scheme://host[:port]} of the server: the only origin the launcher talks to. */
    public String serverOrigin() {
        return originOf(serverBaseUrl);
    }

    /** Where SCORM and cmi5 launchers POST the launch form: {@code <serverBaseUrl>/scorm/launch}. */
    public String launchUrl() {
        return serverBaseUrl + LaunchParameters.LAUNCH_PATH;
    }

    static String originOf(String normalizedBaseUrl) {
        URI uri = URI.create(normalizedBaseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    }

    /** Trims trailing slashes and checks the form; the scheme is lowercased. */
    static String normalizeBaseUrl(String value) {
        Objects.requireNonNull(value, "serverBaseUrl");
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (Exception e) {
            throw new IllegalArgumentException("serverBaseUrl is not a URL: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("serverBaseUrl must be scheme://host[:port][/path] only: " + value);
        }
        boolean loopback = uri.getHost().equals("localhost") || uri.getHost().startsWith("127.")
                || uri.getHost().equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("serverBaseUrl must use https (http only for loopback): " + value);
        }
        if (!trimmed.startsWith(scheme + "://")) {
            trimmed = scheme + trimmed.substring(scheme.length());
        }
        return trimmed;
    }
}
