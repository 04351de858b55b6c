package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SCORM time formats and LMS limits")
class ScormTimeTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
        "0, 0000:00:00.00",
        "3450, 0000:00:03.45",
        "3723450, 0001:02:03.45",
        "59999, 0000:01:00.00",
        "36000000000, 9999:59:59.99",
    })
    @DisplayName("SCORM 1.2 session time is HHHH:MM:SS.SS, capped at 9999 hours")
    void scorm12Timespan(long millis, String expected) {
        assertEquals(expected, ScormTime.scorm12Timespan(Duration.ofMillis(millis)));
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
        "0, PT0S",
        "3450, PT3.45S",
        "3500, PT3.5S",
        "60000, PT1M",
        "3723450, PT1H2M3.45S",
        "3600000, PT1H",
        "90000000, PT25H",
        "10, PT0.01S",
    })
    @DisplayName("SCORM 2004 session time is an ISO 8601 duration without zero parts")
    void isoDuration(long millis, String expected) {
        assertEquals(expected, ScormTime.isoDuration(Duration.ofMillis(millis)));
    }

    @Test
    @DisplayName("a negative duration counts as zero")
    void negativeDuration() {
        assertEquals("PT0S", ScormTime.isoDuration(Duration.ofSeconds(-5)));
        assertEquals("0000:00:00.00", ScormTime.scorm12Timespan(Duration.ofSeconds(-5)));
    }

    @Test
    @DisplayName("SCORM 1.2 suspend data is refused past 4,096 characters, SCORM 2004 past 64,000")
    void suspendDataLimits() {
        assertTrue(SuspendData.fits(ScormVersion.SCORM_12, "x".repeat(4096)));
        assertFalse(SuspendData.fits(ScormVersion.SCORM_12, "x".repeat(4097)));
        assertTrue(SuspendData.fits(ScormVersion.SCORM_2004_4TH, "x".repeat(64_000)));
        assertFalse(SuspendData.fits(ScormVersion.SCORM_2004_4TH, "x".repeat(64_001)));
        assertThrows(IllegalArgumentException.class, () -> SuspendData.maxLength(ScormVersion.CMI5));
    }
}
