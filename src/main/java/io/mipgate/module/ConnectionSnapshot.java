package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import java.time.Instant;

/**
 * A read-only view of one connect_id.
 *
 * @param generation     increases with every open on this id, so late URCs of a retired connection can be told apart
 * @param reason         why the last transition happened (e.g. {@code peer closed}, {@code module reset})
 * @param bufferedBytes  received bytes the gateway holds, not yet read by a client
 * @param droppedBytes   bytes lost (module {@code "drop"} URCs plus gateway overflow)
 * @param lastSack       the latest AT+MIPSACK sample, or null
 */
public record ConnectionSnapshot(int connectId, long generation, ConnectionState state, String reason,
                                 Protocol protocol, String remoteHost, int remotePort, AccessMode mode,
                                 Instant since, int bufferedBytes, long droppedBytes, long bytesSent,
                                 long bytesReceived, SackSample lastSack) {
}
