package io.mipgate.module;

import java.time.Instant;
import java.util.Map;

/**
 * What the history remembers of a module's connections from earlier gateway runs, read once before its worker
 * starts: the newest lifetime of each connect_id. A restarted gateway continues each id's generation sequence from it
 * (so an adopted connection gets a row of its own), and accounts for the bytes a previous run held when it ended.
 */
@FunctionalInterface
public interface RecordedConnections {

    /** No history (tests, or a gateway without a store): generations start at 1 and nothing is accounted. */
    RecordedConnections NONE = moduleId -> Map.of();

    /** The newest recorded lifetime per connect_id of the module; ids never used are absent. */
    Map<Integer, LastLifetime> of(String moduleId);

    /**
     * @param generation     the newest generation recorded for the id
     * @param leftOpen       the run that recorded it ended without seeing it close (a crash, or a stop that kept the
     *                       connection open on the module); the counters below are its last checkpoint
     * @param receivedBytes  bytes that run had received on it by the checkpoint
     * @param bufferedBytes  of those, the bytes still in its buffer, read by no client, at the checkpoint
     * @param countedAt      when the counters were taken; null when none were
     */
    record LastLifetime(long generation, boolean leftOpen, long receivedBytes, long bufferedBytes, Instant countedAt) {
    }
}
