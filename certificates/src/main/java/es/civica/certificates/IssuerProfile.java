package es.civica.certificates;

import java.util.Objects;

/**
 * The organisation that issues the certificates, as printed on them and named in the credential.
 *
 * @param name the organisation's name
 * @param url  its web site (the credential's issuer {@code url}); printed under the name
 * @param logo a PNG or JPEG logo, or null for the built-in vector logo of Cívica
 */
public record IssuerProfile(String name, String url, byte[] logo) {

  /** The default issuer: Cívica's own school, with the built-in logo. */
  public static final IssuerProfile CIVICA =
      new IssuerProfile("Cívica — Escuela de Administración Digital", "https://civica.app", null);

  public IssuerProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    name = CertificateData.nfc(name).strip();
    logo = logo == null ? null : logo.clone();
  }

  /** The same issuer with another logo (PNG or JPEG bytes). */
  public IssuerProfile withLogo(byte[] logoBytes) {
    return new IssuerProfile(name, url, logoBytes);
  }

  @Override
  public byte[] logo() {
    return logo == null ? null : logo.clone();
  }

  boolean hasLogo() {
    return logo != null;
  }

  /** The logo bytes without a defensive copy, for the renderer's cache (never modified). */
  byte[] logoBytesShared() {
    return logo;
  }
}
