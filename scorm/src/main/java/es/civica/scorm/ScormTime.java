package es.civica.scorm;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * SCORM time formats; the launcher script formats the same way (civica-scorm-launcher.js
 * {@code scorm12Timespan} and {@code isoDuration}).
 */
public final class ScormTime {

    private static final long MAX_12_CENTISECONDS = ((9999L * 60 + 59) * 60 + 59) * 100 + 99;

    private ScormTime() {
    }

    /**
     * SCORM 1.2 {@code CMITimespan} ({@code cmi.core.session_time}, interaction latency):
     * {@code HHHH:MM:SS.SS}, rounded to centiseconds, capped at {@code 9999:59:59.99}.
     */
    public static String scorm12Timespan(Duration duration) {
        long cs = Math.min(centiseconds(duration), MAX_12_CENTISECONDS);
        long hours = cs / 360_000;
        long minutes = cs / 6_000 % 60;
        long seconds = cs / 100 % 60;
        return String.format("%04d:%02d:%02d.%02d", hours, minutes, seconds, cs % 100);
    }

    /**
     * SCORM 2004 {@code timeinterval (second,10,2)} ({@code cmi.session_time}, latency): an ISO 8601 duration
     * such as {@code PT1H2M3.45S}; zero components are left out, zero is {@code PT0S}.
     */
    public static String isoDuration(Duration duration) {
        long cs = centiseconds(duration);
        long hours = cs / 360_000;
        long minutes = cs / 6_000 % 60;
        long rest = cs % 6_000;
        StringBuilder out = new StringBuilder("PT");
        if (hours > 0) {
            out.append(hours).append('H');
        }
        if (minutes > 0) {
            out.append(minutes).append('M');
        }
        if (rest > 0 || (hours == 0 && minutes == 0)) {
            out.append(BigDecimal.valueOf(rest, 2).stripTrailingZeros().toPlainString()).append('S');
        }
        return out.toString();
    }

    private static long centiseconds(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        // Round half up to the centisecond, like Math.round in the script.
        return duration.plusMillis(5).toMillis() / 10;
    }
}
