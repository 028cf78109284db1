package io.mipgate.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModuleTimeFormatTest {

    private static final Instant T = Instant.parse("2019-02-20T23:29:20Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+08:00 | 19/02/21,07:29:20+32",
        "Z      | 19/02/20,23:29:20+00",
        "+05:45 | 19/02/21,05:14:20+23",
        "-03:30 | 19/02/20,19:59:20-14",
        "-12:00 | 19/02/20,11:29:20-48",
        "+14:00 | 19/02/21,13:29:20+56",
        "+01:00 | 19/02/21,00:29:20+04",
    })
    void formatsLocalTimeWithQuarterHourZone(String offset, String expected) {
        assertThat(ModuleTimeFormat.format(T, ZoneOffset.of(offset))).isEqualTo(expected);
        assertThat(ModuleTimeFormat.parse(expected)).isEqualTo(T);
    }

    @Test
    void regionZonesUseTheirOffsetAtThatInstant() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(ModuleTimeFormat.format(Instant.parse("2024-01-15T12:00:00Z"), berlin))
                .isEqualTo("24/01/15,13:00:00+04");
        assertThat(ModuleTimeFormat.format(Instant.parse("2024-07-15T12:00:00Z"), berlin))
                .isEqualTo("24/07/15,14:00:00+08");
    }

    @Test
    void offsetsBetweenQuarterHoursTruncateTowardZero() {
        assertThat(ModuleTimeFormat.quarterHours(ZoneOffset.ofHoursMinutes(0, 20))).isEqualTo(1);
        assertThat(ModuleTimeFormat.quarterHours(ZoneOffset.ofHoursMinutes(0, -20))).isEqualTo(-1);
        assertThat(ModuleTimeFormat.format(T, ZoneOffset.ofHoursMinutes(0, -10))).endsWith("-00");
    }

    @Test
    void rejectsOtherShapes() {
        assertThatThrownBy(() -> ModuleTimeFormat.parse("2019/02/21 07:29:20")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ModuleTimeFormat.parse("19/02/21,07:29:20+97")).isInstanceOf(DateTimeParseException.class);
    }
}
