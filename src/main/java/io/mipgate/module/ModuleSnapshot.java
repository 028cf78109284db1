package io.mipgate.module;

import java.time.Instant;
import java.util.List;

/**
 * A read-only view of one module for the API, metrics and health.
 *
 * @param recoveryRung        where the worker stands on its recovery ladder: NONE, RESYNC, REOPEN, REBOOT or FAILED
 * @param recoveryAttempts    recovery attempts in the current episode
 * @param consecutiveTimeouts command timeouts since the last answered command
 * @param dataCall            the PDP context the module's sockets use, as last read (FIELD-NOTES §5)
 * @param faults              what has gone wrong since start-up, including faults the gateway recovered from
 * @param lineRate            the rate the link was last opened at (the configured one, or where the module could only
 *                            be reached, FIELD-NOTES §13); 0 for links without a rate (TCP, in process)
 */
public record ModuleSnapshot(String id, String link, String model, String firmware, String imei, ModuleStatus status,
                             Instant statusSince, int queueDepth, int queueCapacity, String lastError,
                             boolean transparentBridgeActive, List<ConnectionSnapshot> connections,
                             String recoveryRung, int recoveryAttempts, int consecutiveTimeouts,
                             DataCallState dataCall, FaultCounts faults, int lineRate) {

    /** A view without fault counts or a known line rate, for fixtures and adapters. */
    public ModuleSnapshot(String id, String link, String model, String firmware, String imei, ModuleStatus status,
                          Instant statusSince, int queueDepth, int queueCapacity, String lastError,
                          boolean transparentBridgeActive, List<ConnectionSnapshot> connections, String recoveryRung,
                          int recoveryAttempts, int consecutiveTimeouts, DataCallState dataCall) {
        this(id, link, model, firmware, imei, status, statusSince, queueDepth, queueCapacity, lastError,
                transparentBridgeActive, connections, recoveryRung, recoveryAttempts, consecutiveTimeouts, dataCall,
                FaultCounts.NONE, 0);
    }

    /** A view without a data call read yet, for fixtures and adapters. */
    public ModuleSnapshot(String id, String link, String model, String firmware, String imei, ModuleStatus status,
                          Instant statusSince, int queueDepth, int queueCapacity, String lastError,
                          boolean transparentBridgeActive, List<ConnectionSnapshot> connections, String recoveryRung,
                          int recoveryAttempts, int consecutiveTimeouts) {
        this(id, link, model, firmware, imei, status, statusSince, queueDepth, queueCapacity, lastError,
                transparentBridgeActive, connections, recoveryRung, recoveryAttempts, consecutiveTimeouts,
                DataCallState.unknown(null));
    }

    /** A healthy module's view, for fixtures and adapters. */
    public ModuleSnapshot(String id, String link, String model, String firmware, String imei, ModuleStatus status,
                          Instant statusSince, int queueDepth, int queueCapacity, String lastError,
                          boolean transparentBridgeActive, List<ConnectionSnapshot> connections) {
        this(id, link, model, firmware, imei, status, statusSince, queueDepth, queueCapacity, lastError,
                transparentBridgeActive, connections, "NONE", 0, 0);
    }

    public long openConnections() {
        return connections.stream().filter(c -> c.state().isOpen()).count();
    }
}
