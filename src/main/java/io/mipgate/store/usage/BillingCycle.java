package io.mipgate.store.usage;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A monthly billing cycle that starts on a configured day of the month, as carriers bill data plans. A start day the
 * month does not have (29–31) falls on its last day, so a cycle never skips a month.
 *
 * @param start first day of the cycle
 * @param end   first day of the next cycle (exclusive)
 */
public record BillingCycle(LocalDate start, LocalDate end) {

    public static final int MAX_DAY = 31;

    /** The cycle that contains {@code date}, for cycles starting on {@code day} (1–31). */
    public static BillingCycle containing(LocalDate date, int day) {
        if (day < 1 || day > MAX_DAY) {
            throw new IllegalArgumentException("billing cycle day must be 1.." + MAX_DAY + ", not " + day);
        }
        YearMonth month = YearMonth.from(date);
        LocalDate startThisMonth = startIn(month, day);
        LocalDate start = date.isBefore(startThisMonth) ? startIn(month.minusMonths(1), day) : startThisMonth;
        return new BillingCycle(start, startIn(YearMonth.from(start).plusMonths(1), day));
    }

    private static LocalDate startIn(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
}
