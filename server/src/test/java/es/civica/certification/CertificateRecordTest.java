package es.civica.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.certificates.UnitResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

class CertificateRecordTest {

  private static CertificateRecord record(LocalDate expires, OffsetDateTime revoked) {
    return new CertificateRecord("abc", UUID.randomUUID(), "Ana", null, "https://c", "Curso", 30,
        List.of(new UnitResult(1, "Uno", LocalDate.of(2026, 1, 2), 0.9)), "Emisor", "https://e", "did:key:z",
        LocalDate.of(2026, 1, 3), expires, OffsetDateTime.now(), null, null, "00", "https://h/verify/abc",
        "https://h/verify/abc#t=x", null, revoked, revoked == null ? null : "motivo", revoked == null ? null : "admin");
  }

  @Test
  @DisplayName("valid through its last day, expired the day after; revoked wins over expired")
  void status() {
    LocalDate last = LocalDate.of(2028, 1, 2);
    assertEquals(CertificateStatus.VALID, record(null, null).status(LocalDate.of(2099, 1, 1)));
    assertEquals(CertificateStatus.VALID, record(last, null).status(last));
    assertEquals(CertificateStatus.EXPIRED, record(last, null).status(last.plusDays(1)));
    assertEquals("CADUCADO", record(last, null).publicJson(last.plusDays(1)).getString("statusText"));
    assertEquals(CertificateStatus.REVOKED, record(last, OffsetDateTime.now()).status(last.plusDays(1)));
  }

  @Test
  @DisplayName("ids are 26 characters of lowercase base32 (128 random bits), all different")
  void ids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CertificateIds.random();
      assertTrue(CertificateIds.wellFormed(id), id);
      assertTrue(seen.add(id));
    }
    assertEquals("aaaaaaaaaaaaaaaaaaaaaaaaaa", CertificateIds.base32(new byte[16]));
    // RFC 4648 test vector, lowercase and unpadded
    assertEquals("mzxw6ytboi", CertificateIds.base32("foobar".getBytes()));
    assertNotEquals(CertificateIds.random(), CertificateIds.random());
  }
}
