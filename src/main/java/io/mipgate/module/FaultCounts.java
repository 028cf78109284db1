package io.mipgate.module;

/**
 * What has gone wrong with a module since the gateway started, as counts an operator can read in the API without a
 * metrics server: each is also a metric and an event, but a fault that passed (a resynchronised line, garbage on the
 * wire) leaves no other trace in the module's state.
 *
 * @param discardedBytes  bytes on the serial line that decoded to nothing (garbage, partial or overlong lines)
 * @param commandTimeouts commands the module never answered in time
 * @param moduleResets    reboots of the module the gateway noticed (its own soft reboots included)
 * @param linkReconnects  times the line was lost and opened again
 * @param rejectedJobs    jobs refused before they ran: queue full or module unavailable
 */
public record FaultCounts(long discardedBytes, long commandTimeouts, long moduleResets, long linkReconnects,
                          long rejectedJobs) {

    public static final FaultCounts NONE = new FaultCounts(0, 0, 0, 0, 0);
}
