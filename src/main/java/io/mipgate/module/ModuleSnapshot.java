package io.mipgate.module;

import java.time.Instant;
import java.util.List;

/** A read-only view of one module for the API, metrics and health. */
public record ModuleSnapshot(String id, String link, String model, String firmware, String imei, ModuleStatus status,
                             Instant statusSince, int queueDepth, int queueCapacity, String lastError,
                             boolean transparentBridgeActive, List<ConnectionSnapshot> connections) {

    public long openConnections() {
        return connections.stream().filter(c -> c.state().isOpen()).count();
    }
}
