package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataIntegrityProofTest {

  /**
   * The eddsa-jcs-2022 test vector of the W3C "Data Integrity EdDSA Cryptosuites v1.0" specification
   * (TestVectors/keyPair.json, unsigned.json and eddsa-jcs-2022/*).
   */
  static final String PUBLIC_KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
  static final String PRIVATE_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
  static final String UNSIGNED = """
      {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
        "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
        "type": ["VerifiableCredential", "AlumniCredential"],
        "name": "Alumni Credential",
        "description": "A minimum viable example of an Alumni Credential.",
        "issuer": "https://vc.example/issuers/5678",
        "validFrom": "2023-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"}
      }""";
  static final String CANONICAL_DOCUMENT = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
      + "\"https://www.w3.org/ns/credentials/examples/v2\"],\"credentialSubject\":{\"alumniOf\":\"The School of Examples\","
      + "\"id\":\"did:example:abcdefgh\"},\"description\":\"A minimum viable example of an Alumni Credential.\","
      + "\"id\":\"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33\",\"issuer\":\"https://vc.example/issuers/5678\","
      + "\"name\":\"Alumni Credential\",\"type\":[\"VerifiableCredential\",\"AlumniCredential\"],"
      + "\"validFrom\":\"2023-01-01T00:00:00Z\"}";
  static final String COMBINED_HASH = "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db"
      + "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";
  static final String PROOF_VALUE =
      "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX";

  static IssuerKeys vectorKeys() {
    return IssuerKeys.fromSeed(Ed25519.privateKeyFromMultibase(PRIVATE_KEY));
  }

  @Test
  @DisplayName("reproduces the W3C eddsa-jcs-2022 test vector: canonical document, hash data and proofValue")
  void reproducesTheW3cTestVector() {
    IssuerKeys keys = vectorKeys();
    assertEquals(PUBLIC_KEY, keys.publicKey().multibase());
    ObjectNode unsigned = Json.parseObject(UNSIGNED);
    assertEquals(CANONICAL_DOCUMENT, Jcs.canonicalString(unsigned));

    ObjectNode signed = DataIntegrityProof.sign(unsigned, keys, Instant.parse("2023-02-24T23:36:38Z"));
    ObjectNode proof = (ObjectNode) signed.get("proof");
    assertEquals("did:key:" + PUBLIC_KEY + "#" + PUBLIC_KEY, proof.get("verificationMethod").asText());
    ObjectNode options = proof.deepCopy();
    options.remove("proofValue");
    assertEquals(COMBINED_HASH, HexFormat.of().formatHex(DataIntegrityProof.hashData(options, unsigned)));
    assertEquals(PROOF_VALUE, proof.get("proofValue").asText());
  }

  @Test
  @DisplayName("a signed credential verifies, and any changed value, added member or proof option breaks it")
  void tamperingBreaksTheProof() {
    IssuerKeys keys = IssuerKeys.generate();
    ObjectNode signed = DataIntegrityProof.sign(CredentialBuilder.build(Samples.certificate(), keys.publicKey()), keys);
    List<IssuerPublicKey> trusted = List.of(keys.publicKey());
    assertEquals(keys.publicKey(), DataIntegrityProof.verify(signed, trusted));

    ObjectNode renamed = signed.deepCopy();
    ((ObjectNode) renamed.get("credentialSubject").get("identifier").get(0)).put("identityHash", "Begoña Núñez");
    ObjectNode redated = signed.deepCopy();
    redated.put("validFrom", "2026-11-24T00:00:00Z");
    ObjectNode added = signed.deepCopy();
    added.put("extra", true);
    ObjectNode reproofed = signed.deepCopy();
    ((ObjectNode) reproofed.get("proof")).put("created", "2020-01-01T00:00:00Z");
    for (ObjectNode forged : List.of(renamed, redated, added, reproofed)) {
      VerificationException e = assertThrows(VerificationException.class, () -> DataIntegrityProof.verify(forged, trusted));
      assertTrue(e.getMessage().contains("no es válida"), e.getMessage());
    }
  }

  @Test
  @DisplayName("the proof does not depend on member order or whitespace of the JSON text")
  void canonicalisationIgnoresLayout() {
    IssuerKeys keys = IssuerKeys.generate();
    ObjectNode signed = DataIntegrityProof.sign(CredentialBuilder.build(Samples.certificate(), keys.publicKey()), keys);
    ObjectNode reparsed = Json.parseObject(Json.pretty(signed).replace("\n", "\n\n  "));
    assertEquals(keys.publicKey(), DataIntegrityProof.verify(reparsed, List.of(keys.publicKey())));
  }
}
