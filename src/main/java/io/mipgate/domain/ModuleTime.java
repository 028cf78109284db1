package io.mipgate.domain;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time as a module prints it (AT+MNTP {@code <time>}, AT+CCLK, 3GPP TS 27.007 §8.15): {@code yy/MM/dd,hh:mm:ss±zz},
 * local time followed by the zone in quarter hours, e.g. {@code 26/01/01,08:00:32+32} for UTC+8. Some firmware prints
 * a four-digit year. The API shows it as ISO-8601 with the module's offset ({@code 2026-01-01T08:00:32+08:00}).
 */
public final class ModuleTime {

    private static final Pattern TEXT = Pattern.compile(
            "\"?(\\d{2}|\\d{4})/(\\d\\d)/(\\d\\d),(\\d\\d):(\\d\\d):(\\d\\d)(?:([+-])(\\d{1,2}))?\"?");
    private static final int MAX_QUARTERS = 96;

    private ModuleTime() {
    }

    /** The time with its offset; empty when the text is not a module time (it is then shown as received). */
    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int quarters = m.group(7) == null ? 0
                : Integer.parseInt(m.group(8)) * (m.group(7).equals("-") ? -1 : 1);
        if (Math.abs(quarters) > MAX_QUARTERS) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(m.group(1).length() == 2 ? 2000 + year : year,
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            return Optional.of(OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(quarters * 15 * 60)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
