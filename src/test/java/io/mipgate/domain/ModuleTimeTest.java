package io.mipgate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.net.ModuleTimeFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** A module's clock text becomes an ISO-8601 time with the module's own offset. */
class ModuleTimeTest {

    /** Local years 2000–2099 at any offset: what a two-digit year can say. */
    @Property
    void readsBackWhatAModulePrints(@ForAll @LongRange(min = 946_735_200L, max = 4_102_394_399L) long epochSecond,
                                    @ForAll @IntRange(min = -48, max = 56) int quarters) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarters * 15 * 60);
        OffsetDateTime parsed = ModuleTime.parse(ModuleTimeFormat.format(instant, offset)).orElseThrow();
        assertThat(parsed.toInstant()).isEqualTo(instant);
        assertThat(parsed.getOffset()).isEqualTo(offset);
    }

    @Test
    void showsTheModulesOffsetInIso8601() {
        assertThat(ModuleTime.parse("26/01/01,08:00:32+32").orElseThrow().toString())
                .isEqualTo("2026-01-01T08:00:32+08:00");
        assertThat(ModuleTime.parse("2025/01/01,12:00:00-14").orElseThrow().toString())
                .isEqualTo("2025-01-01T12:00-03:30");
        assertThat(ModuleTime.parse("\"19/02/21,07:29:20\"").orElseThrow().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void somethingElseIsNotATime() {
        assertThat(ModuleTime.parse("26/13/01,08:00:32+32")).isEmpty();
        assertThat(ModuleTime.parse("26/01/01,08:00:32+99")).isEmpty();
        assertThat(ModuleTime.parse("yesterday")).isEmpty();
        assertThat(ModuleTime.parse(null)).isEmpty();
    }
}
