package io.mipgate.api.history;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Parses and checks the query parameters the history endpoints share; every violation is a 400 with a reason. */
final class HistoryRequest {

    /** Upper bound for an open range: later than any event, and representable on H2 and PostgreSQL. */
    static final Instant OPEN_END = Instant.parse("3000-01-01T00:00:00Z");
    /** Lower bound of any instant: the databases' calendars disagree before it, and no event is older. */
    static final Instant EARLIEST = Instant.EPOCH;

    private HistoryRequest() {
    }

    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw badRequest("'" + name + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '"
                    + io.mipgate.domain.Printable.escape(value, 64) + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(OPEN_END)) {
            throw badRequest("'" + name + "' must lie between " + EARLIEST + " and " + OPEN_END + ", got " + instant);
        }
        return instant;
    }

    record Range(Instant from, Instant to) {
    }

    /** [from, to) of a list endpoint: both optional, the whole history when absent. */
    static Range range(String from, String to) {
        Range range = new Range(instant("from", from, Instant.EPOCH), instant("to", to, OPEN_END));
        checkRange(range.from(), range.to());
        return range;
    }

    static void checkRange(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw badRequest("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
    }

    static Duration step(String value, Duration min) {
        Duration step;
        try {
            step = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw badRequest("'step' must be an ISO-8601 duration such as PT1M, got '" + value + "'");
        }
        if (step.compareTo(min) < 0) {
            throw badRequest("'step' must be at least " + min + ", got " + step);
        }
        return step;
    }

    static void checkPage(int page, int size, int maxSize) {
        if (page < 0) {
            throw badRequest("'page' must be 0 or more, got " + page);
        }
        if (size < 1 || size > maxSize) {
            throw badRequest("'size' must be between 1 and " + maxSize + ", got " + size);
        }
    }

    static void checkConnectId(int connectId) {
        if (connectId < 0 || connectId > 5) {
            throw badRequest("'connectId' must be between 0 and 5, got " + connectId);
        }
    }

    static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
