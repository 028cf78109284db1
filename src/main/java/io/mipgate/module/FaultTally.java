package io.mipgate.module;

import io.mipgate.module.event.ModuleEvent;
import java.util.concurrent.atomic.LongAdder;

/** Counts a module's faults from the events it publishes, for {@link ModuleSnapshot#faults()}. Thread-safe. */
final class FaultTally {

    private final LongAdder discardedBytes = new LongAdder();
    private final LongAdder commandTimeouts = new LongAdder();
    private final LongAdder moduleResets = new LongAdder();
    private final LongAdder linkReconnects = new LongAdder();
    private final LongAdder rejectedJobs = new LongAdder();

    void record(ModuleEvent event) {
        switch (event) {
            case ModuleEvent.GarbageDiscarded e -> discardedBytes.add(e.bytes());
            case ModuleEvent.JobFinished e when e.outcome() == JobOutcome.TIMEOUT -> commandTimeouts.increment();
            case ModuleEvent.ModuleReset e -> moduleResets.increment();
            case ModuleEvent.LinkReconnected e -> linkReconnects.increment();
            case ModuleEvent.JobRejected e -> rejectedJobs.increment();
            default -> { }
        }
    }

    FaultCounts counts() {
        return new FaultCounts(discardedBytes.sum(), commandTimeouts.sum(), moduleResets.sum(), linkReconnects.sum(),
                rejectedJobs.sum());
    }
}
