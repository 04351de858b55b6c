package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {

  @Test
  @DisplayName("sorts members by UTF-16 code units, as in RFC 8785 section 3.2.3")
  void sortsByUtf16CodeUnits() {
    String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
        + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
    assertEquals(expected, Jcs.canonicalString(Json.parse(input)));
  }

  @Test
  @DisplayName("serialises the RFC 8785 section 3.2.2 example byte for byte")
  void serialisesTheRfcExample() {
    String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
        + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
        + "  \"literals\": [null, true, false]\n}";
    String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertEquals(expected, Jcs.canonicalString(Json.parse(input)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("writes numbers as ECMAScript's Number.prototype.toString does")
  @CsvSource({"0, 0", "-0.0, 0", "1, 1", "-1, -1", "0.85, 0.85", "0.955, 0.955", "30, 30", "1e21, 1e+21",
      "1e20, 100000000000000000000", "0.000001, 0.000001", "1e-7, 1e-7", "123456789012345680000, 123456789012345680000",
      "9007199254740992, 9007199254740992", "5e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
      "0.1, 0.1", "-1.5e-9, -1.5e-9"})
  void numbers(double value, String expected) {
    assertEquals(expected, Jcs.number(value));
  }
}
