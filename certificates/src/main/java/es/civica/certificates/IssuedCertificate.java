package es.civica.certificates;

/**
 * A certificate as issued: what the server stores and serves.
 *
 * @param pdf            the PDF/A-3b document
 * @param sha256         the SHA-256 fingerprint of exactly those bytes, lowercase hex
 * @param credentialJson the signed Open Badges 3.0 credential, also attached to the PDF
 * @param qrUrl          the URL the QR code encodes: verification URL, {@code #t=} and the signed token
 */
public record IssuedCertificate(byte[] pdf, String sha256, String credentialJson, String qrUrl) {
}
