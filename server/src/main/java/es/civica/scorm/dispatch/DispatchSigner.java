package es.civica.scorm.dispatch;

import es.civica.xapi.auth.SecretHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signs and verifies, with one server secret (HMAC-SHA256), the two tokens of the dispatch model:
 * <ul>
 *   <li>the <b>binding</b> a package carries: {@code b1.<registration id>.<mac>} — proves the package was issued by
 *   this server for that registration; expiry, seat cap and revocation live in the database, so they can change
 *   without re-issuing packages;</li>
 *   <li>the <b>launch token</b>: {@code l1.<launch id>.<expiry epoch seconds>.<mac>} — short-lived, single use
 *   (the launch row records its use), exchanged by the framed player for a session.</li>
 * </ul>
 * Each MAC covers a purpose label, so a binding is never accepted as a launch token or the reverse.
 * The secret lives in {@code <data dir>/dispatch-secret} (created on first start, like the admin secret).
 */
public final class DispatchSigner {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchSigner.class);
  private static final Pattern REGISTRATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] secret;

  public DispatchSigner(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("dispatch secret too short");
    }
    this.secret = secret.clone();
  }

  /** Reads {@code <dataDir>/dispatch-secret}, creating it (random, owner-only) on first use. */
  public static DispatchSigner fromDataDir(Path dataDir) throws java.io.IOException {
    Path file = dataDir.resolve("dispatch-secret");
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      Files.writeString(file, SecretHasher.randomToken(32) + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      LOG.info("Generated the dispatch signing secret in {}", file);
    }
    return new DispatchSigner(Files.readString(file).trim().getBytes(StandardCharsets.UTF_8));
  }

  public static boolean validRegistrationId(String id) {
    return id != null && REGISTRATION_ID.matcher(id).matches();
  }

  public String binding(String registrationId) {
    if (!validRegistrationId(registrationId)) {
      throw new IllegalArgumentException("bad registration id " + registrationId);
    }
    return "b1." + registrationId + "." + mac("binding", registrationId);
  }

  /** The registration id of a binding this server signed. */
  public Optional<String> verifyBinding(String binding) {
    if (binding == null) {
      return Optional.empty();
    }
    String[] parts = binding.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals("b1") || !validRegistrationId(parts[1])) {
      return Optional.empty();
    }
    return equal(parts[2], mac("binding", parts[1])) ? Optional.of(parts[1]) : Optional.empty();
  }

  public String launchToken(UUID launchId, Instant expires) {
    String body = launchId + "." + expires.getEpochSecond();
    return "l1." + body + "." + mac("launch", body);
  }

  /** The launch id of a token this server signed that has not expired at {@code now}. */
  public Optional<UUID> verifyLaunchToken(String token, Instant now) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("l1")) {
      return Optional.empty();
    }
    String body = parts[1] + "." + parts[2];
    if (!equal(parts[3], mac("launch", body))) {
      return Optional.empty();
    }
    try {
      if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(now)) {
        return Optional.empty();
      }
      return Optional.of(UUID.fromString(parts[1]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String mac(String purpose, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(("civica-dispatch:" + purpose + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
