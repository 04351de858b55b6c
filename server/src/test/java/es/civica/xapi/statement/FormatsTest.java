package es.civica.xapi.statement;

import static es.civica.xapi.XapiVersion.V1_0_3;
import static es.civica.xapi.XapiVersion.V2_0_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

  @ParameterizedTest
  @ValueSource(strings = {"http://adlnet.gov/expapi/verbs/attended", "https://ex.es/a?b=c#d", "urn:uuid:1234",
      "mailto:ana@example.es", "tag:example.es,2026:unidad", "https://ex.es/%C3%B1", "https://ex.es/ñandú",
      "a+b.c-D9:rest"})
  void acceptsAbsoluteIris(String iri) {
    assertTrue(Formats.isIri(iri));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "should fail", "adlnet.gov/expapi/verbs/attended", "ab=c://should.fail.com",
      "1http://x", "http:", "http://ex.es/a b", "http://ex.es/<a>", "http://ex.es/%zz", "http://ex.es/#a#b",
      ":x", "http://ex.es/a\tb", "http://ex.es/a\u0085", "http://ex.es/`", "http://ex.es/%4"})
  void rejectsWhatIsNotAnAbsoluteIri(String iri) {
    assertFalse(Formats.isIri(iri));
  }

  @Test
  void acceptsOnlyMailtoAddresses() {
    assertTrue(Formats.isMailtoIri("mailto:ana.garcia+lrs@ayto.example.es"));
    assertFalse(Formats.isMailtoIri("mailto:should.fail.com"));
    assertFalse(Formats.isMailtoIri("MAILTO:ana@example.es"));
    assertFalse(Formats.isMailtoIri("mailto:ana@example.es?subject=x"));
    assertFalse(Formats.isMailtoIri("mailto:ana @example.es"));
  }

  @Test
  void parsesTimestampsToTheInstantTheyName() {
    Instant expected = Instant.parse("2023-05-04T17:00:00Z");
    assertEquals(expected, Formats.parseTimestamp("2023-05-04T12:00:00-05:00", V2_0_0).orElseThrow());
    assertEquals(expected, Formats.parseTimestamp("2023-05-04T17:00:00.000Z", V2_0_0).orElseThrow());
    assertEquals(expected, Formats.parseTimestamp("20230504T120000-0500", V1_0_3).orElseThrow());
    assertEquals(expected, Formats.parseTimestamp("2023-05-04T17:00", V1_0_3).orElseThrow());
    assertEquals(Instant.parse("2023-05-04T17:00:00.123456789Z"),
        Formats.parseTimestamp("2023-05-04T17:00:00.1234567891Z", V2_0_0).orElseThrow());
  }

  @Test
  void writesTimestampsInUtcWithAtLeastMilliseconds() {
    assertEquals("2023-05-04T17:00:00.000Z", Formats.formatTimestamp(Instant.parse("2023-05-04T17:00:00Z")));
    assertEquals("2023-05-04T17:00:00.123456Z", Formats.formatTimestamp(Instant.parse("2023-05-04T17:00:00.123456Z")));
    assertTrue(Formats.isTimestamp(Formats.formatTimestamp(Instant.now()), V2_0_0));
  }

  @Test
  void readsALeapSecondAsTheNextSecond() {
    assertEquals(Instant.parse("2017-01-01T00:00:00Z"),
        Formats.parseTimestamp("2016-12-31T23:59:60Z", V2_0_0).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2008-09-15T15:53:00.601-00", "2008-09-15T15:53:00.601-0000", "2008-09-15T15:53:00.601-00:00",
      "2015-02-29T10:00:00Z", "2015-13-01T10:00:00Z", "2015-01-01T24:00:00Z", "2015-01-01T10:60:00Z",
      "2015-01-01T10:00:00+24:00", "2015-01-01 10:00:00Z", "July 4, 1776"})
  void rejectsInvalidTimestampsInBothVersions(String timestamp) {
    assertFalse(Formats.isTimestamp(timestamp, V1_0_3));
    assertFalse(Formats.isTimestamp(timestamp, V2_0_0));
  }

  @Test
  void acceptsTimestampsAllowedOnlyBy103() {
    for (String timestamp : new String[] {"2015-01-01T10:00:00", "2015-01-01T10:00Z", "20150101T100000Z",
        "2015-01-01T10:00:00+0100", "2015-01-01T10:00:00+01", "2015-01-01T10:00:00,5Z"}) {
      assertTrue(Formats.isTimestamp(timestamp, V1_0_3), timestamp);
      assertFalse(Formats.isTimestamp(timestamp, V2_0_0), timestamp);
    }
  }

  @Test
  void checksVersionsAgainstTheRequestVersion() {
    assertTrue(Formats.isStatementVersion("1.0.3", V1_0_3));
    assertTrue(Formats.isStatementVersion("1.0.3", V2_0_0));
    assertTrue(Formats.isStatementVersion("2.0.0", V2_0_0));
    assertFalse(Formats.isStatementVersion("2.0.0", V1_0_3));
    assertFalse(Formats.isStatementVersion("1.0.", V1_0_3));
  }

  @Test
  void checksHashesAndUuids() {
    assertTrue(Formats.isSha1Hex("CD9B00A5611F94EAA7B1661EDAB976068E364975"));
    assertFalse(Formats.isSha1Hex("cd9b00a5611f94eaa7b1661edab976068e36497g"));
    assertTrue(Formats.isSha2Hex("495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"));
    assertFalse(Formats.isSha2Hex("495395e777cd98da653df9615d09c0fd"));
    assertTrue(Formats.isUuid("00000000-0000-0000-0000-000000000000"));
    assertFalse(Formats.isUuid("{1f3e1d9c-5a7b-4c2e-9d8f-0a1b2c3d4e5f}"));
  }
}
