package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerKeysTest {

  @Test
  @DisplayName("keys saved as a private JWK load back and sign the same way")
  void saveAndLoad(@TempDir Path dir) throws Exception {
    IssuerKeys keys = IssuerKeys.generate();
    Path file = dir.resolve("issuer-key.jwk");
    keys.save(file);
    IssuerKeys loaded = IssuerKeys.load(file);
    assertEquals(keys.publicKey(), loaded.publicKey());
    byte[] data = {1, 2, 3};
    assertTrue(keys.publicKey().verify(data, loaded.sign(data)));
    assertTrue(Files.readString(file).contains("\"d\""));
  }

  @Test
  @DisplayName("a private JWK whose d does not match its x is refused")
  void mismatchedJwkIsRefused() {
    JsonNode a = Json.parse(IssuerKeys.generate().toPrivateJwk());
    JsonNode b = Json.parse(IssuerKeys.generate().toPrivateJwk());
    ((com.fasterxml.jackson.databind.node.ObjectNode) a).put("d", b.get("d").asText());
    assertThrows(IllegalArgumentException.class, () -> IssuerKeys.fromPrivateJwk(Json.compact(a)));
  }

  @Test
  @DisplayName("the well-known issuer document publishes the key as Multikey and JWK, and reads back")
  void issuerDocument() {
    IssuerPublicKey key = IssuerKeys.generate().publicKey();
    IssuerPublicKey next = IssuerKeys.generate().publicKey();
    String doc = IssuerDocument.json(IssuerProfile.CIVICA, List.of(key, next));
    JsonNode json = Json.parse(doc);
    assertEquals(key.didKey(), json.get("id").asText());
    assertTrue(key.didKey().startsWith("did:key:z6Mk"), key.didKey());
    assertEquals(key.multibase(), json.get("verificationMethod").get(0).get("publicKeyMultibase").asText());
    assertEquals("OKP", json.get("keys").get(0).get("kty").asText());
    assertEquals(key.verificationMethodId(), json.get("keys").get(0).get("kid").asText());
    assertEquals(List.of(key, next), IssuerPublicKey.parseAll(doc));
    assertEquals(List.of(key), IssuerPublicKey.parseAll(Json.compact(key.jwk())));
    assertEquals(key, IssuerPublicKey.ofMultibase(key.verificationMethodId()));
  }
}
