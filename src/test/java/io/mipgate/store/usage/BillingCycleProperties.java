package io.mipgate.store.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BillingCycleProperties {

    @Property
    void everyDayFallsInExactlyOneCycleThatStartsOnTheConfiguredDay(
            @ForAll @IntRange(min = 0, max = 3650) int offset, @ForAll @IntRange(min = 1, max = 31) int day) {
        LocalDate date = LocalDate.of(2024, 1, 1).plusDays(offset);
        BillingCycle cycle = BillingCycle.containing(date, day);
        assertThat(date).isAfterOrEqualTo(cycle.start()).isBefore(cycle.end());
        assertThat(cycle.start().getDayOfMonth()).isEqualTo(Math.min(day, cycle.start().lengthOfMonth()));
        assertThat(ChronoUnit.MONTHS.between(cycle.start().withDayOfMonth(1), cycle.end().withDayOfMonth(1)))
                .isEqualTo(1);
        // the next cycle starts where this one ends: no day is lost or counted twice
        assertThat(BillingCycle.containing(cycle.end(), day).start()).isEqualTo(cycle.end());
        assertThat(BillingCycle.containing(cycle.end().minusDays(1), day)).isEqualTo(cycle);
    }

    @Example
    void aDayTheMonthDoesNotHaveFallsOnItsLastDay() {
        assertThat(BillingCycle.containing(LocalDate.of(2025, 2, 28), 31))
                .isEqualTo(new BillingCycle(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31)));
        assertThat(BillingCycle.containing(LocalDate.of(2025, 3, 30), 31))
                .isEqualTo(new BillingCycle(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31)));
        assertThat(BillingCycle.containing(LocalDate.of(2025, 3, 4), 5))
                .isEqualTo(new BillingCycle(LocalDate.of(2025, 2, 5), LocalDate.of(2025, 3, 5)));
    }
}
