package es.civica.certification;

import es.civica.certificates.IssuerKeys;
import es.civica.certificates.IssuerProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;

/** The issuer's signing key and profile, from the settings. Runs once at start (blocking file I/O). */
public final class IssuerSetup {
  private static final Logger LOG = LoggerFactory.getLogger(IssuerSetup.class);

  private IssuerSetup() {
  }

  /**
   * Loads the private key; generates it on first start when it is the default file under the data folder (like
   * the admin secret). A configured file that is missing is an error: issuing with a new key by accident would
   * make every earlier certificate unverifiable offline.
   */
  public static IssuerKeys keys(CertificateSettings settings) throws IOException {
    if (Files.exists(settings.issuerKeyFile())) {
      return IssuerKeys.load(settings.issuerKeyFile());
    }
    if (!settings.generateKey()) {
      throw new IllegalStateException("CIVICA_ISSUER_KEY_FILE names a file that does not exist: "
          + settings.issuerKeyFile());
    }
    IssuerKeys keys = IssuerKeys.generate();
    keys.save(settings.issuerKeyFile());
    LOG.info("Generated the certificate issuer key in {} (keep it: certificates are signed with it)",
        settings.issuerKeyFile());
    return keys;
  }

  /** Name, web site (default: the public URL) and logo (default: the built-in one) of the issuer. */
  public static IssuerProfile profile(CertificateSettings settings, String publicUrl) throws IOException {
    IssuerProfile profile = new IssuerProfile(settings.issuerName(),
        settings.issuerUrl() == null ? publicUrl : settings.issuerUrl(), null);
    return settings.issuerLogoFile() == null ? profile : profile.withLogo(Files.readAllBytes(settings.issuerLogoFile()));
  }
}
