package io.mipgate.api.history;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The query parameters every paged history list takes.
 *
 * @param box  another gateway's rows in a shared database (default this one)
 * @param from ISO-8601 start, inclusive (default open)
 * @param to   ISO-8601 end, exclusive (default open)
 * @param page page number from 0
 * @param size page size (default mipgate.history.default-page-size)
 */
public record HistoryWindow(@Parameter(description = "gateway id (default this one)") String box,
                            @Parameter(description = "ISO-8601 start, inclusive") String from,
                            @Parameter(description = "ISO-8601 end, exclusive") String to,
                            @Parameter(description = "page number from 0") Integer page,
                            @Parameter(description = "page size") Integer size) {
}
