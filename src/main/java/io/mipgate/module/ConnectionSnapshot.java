package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import java.time.Instant;

/**
 * A read-only view of one connect_id.
 *
 * @param generation     increases with every open on this id, so late URCs of a retired connection can be told apart
 * @param reason         why the last transition happened (e.g. {@code peer closed}, {@code module reset})
 * @param bufferedBytes  received bytes the gateway holds for this connection, not yet read by a client
 * @param droppedBytes   bytes lost (module {@code "drop"} URCs, gateway overflow, unread when the id was reused)
 * @param lastSack       the latest AT+MIPSACK sample, or null
 * @param sendFormat     the id's inline send format in the module (AT+MIPCFG="encoding")
 * @param recvFormat     the id's receive format in the module (AT+MIPCFG="encoding")
 * @param lastSeq        the latest UDP air-interface echo ({@code "seq"} URC), or null
 * @param receiveHeld    the client asked for normal (push) mode, but reads too slowly: the gateway has moved the
 *                       connection to a buffer mode so that the module holds the data until there is room again
 */
public record ConnectionSnapshot(int connectId, long generation, ConnectionState state, String reason,
                                 Protocol protocol, String remoteHost, int remotePort, AccessMode mode,
                                 Instant since, int bufferedBytes, long droppedBytes, long bytesSent,
                                 long bytesReceived, SackSample lastSack, SendFormat sendFormat,
                                 RecvFormat recvFormat, SeqOutcome lastSeq,
                                 boolean receiveHeld) {

    /** A snapshot of an id with the power-on encoding and no echo report, for fixtures and adapters. */
    public ConnectionSnapshot(int connectId, long generation, ConnectionState state, String reason, Protocol protocol,
                              String remoteHost, int remotePort, AccessMode mode, Instant since, int bufferedBytes,
                              long droppedBytes, long bytesSent, long bytesReceived, SackSample lastSack) {
        this(connectId, generation, state, reason, protocol, remoteHost, remotePort, mode, since, bufferedBytes,
                droppedBytes, bytesSent, bytesReceived, lastSack, SendFormat.ASCII, RecvFormat.ASCII, null, false);
    }
}
