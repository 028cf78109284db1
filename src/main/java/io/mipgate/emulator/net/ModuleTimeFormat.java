package io.mipgate.emulator.net;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module's clock format {@code yy/MM/dd,hh:mm:ss±zz} (AT+MNTP {@code <time>}, AT+CCLK): local time in the given
 * zone, 24-hour, followed by the zone offset in quarter hours with an explicit sign, e.g. {@code 19/02/21,07:29:20+32}
 * for UTC+8 and {@code +23} for UTC+5:45. Offsets that are not whole quarter hours are truncated toward zero.
 */
public final class ModuleTimeFormat {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yy/MM/dd,HH:mm:ss");
    private static final Pattern TEXT = Pattern.compile("(\\d\\d/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\d)([+-])(\\d{1,2})");
    /** Quarter hours span −48 (UTC−12) … +56 (UTC+14); 3GPP 27.007 allows −96 … +96. */
    private static final int MAX_QUARTERS = 96;

    private ModuleTimeFormat() {}

    public static String format(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime local = LocalDateTime.ofInstant(instant, offset);
        int quarters = offset.getTotalSeconds() / (15 * 60); // Java division truncates toward zero
        char sign = offset.getTotalSeconds() < 0 ? '-' : '+';
        return LOCAL.format(local) + sign + String.format("%02d", Math.abs(quarters));
    }

    /** Quarter hours of {@code offset}, truncated toward zero: UTC+8 → 32, UTC+5:45 → 23, UTC−3:30 → −14. */
    public static int quarterHours(ZoneOffset offset) {
        return offset.getTotalSeconds() / (15 * 60);
    }

    /** The instant a module time string stands for (two-digit years are 2000–2099). */
    public static Instant parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new DateTimeParseException("not yy/MM/dd,hh:mm:ss±zz", text, 0);
        }
        int quarters = Integer.parseInt(m.group(3)) * (m.group(2).equals("-") ? -1 : 1);
        if (Math.abs(quarters) > MAX_QUARTERS) {
            throw new DateTimeParseException("zone out of range", text, m.start(3));
        }
        LocalDateTime local = LocalDateTime.parse(m.group(1), LOCAL);
        return local.toInstant(ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
    }
}
