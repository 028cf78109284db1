package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.module.connection.ReceiveBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * What the gateway knows about one connect_id: the connection that lives on it, the id's settings in the module and
 * the receive buffer. Plain mutable data with no lock of its own: only {@link ConnectionTable} touches it, under the
 * module lock; everybody else sees {@link ConnectionSnapshot}s.
 */
final class ConnectionSlot {

    final int connectId;
    ReceiveBuffer receiveBuffer;
    long generation;
    ConnectionState state = ConnectionState.INITIAL;
    String reason = "never opened";
    Instant since;
    Protocol protocol;
    String remoteHost;
    int remotePort;
    AccessMode mode = AccessMode.NORMAL;
    /** The id's encoding in the module: power-on default until an operator, a send or adoption says otherwise. */
    SendFormat sendFormat = SendFormat.ASCII;
    RecvFormat recvFormat = RecvFormat.ASCII;
    /** How long the module keeps data input open after {@code >} (AT+MIPCFG "timeout"); null: the model's default. */
    Duration inputTimeout;
    /** autofree = 1: after an abnormal drop the module keeps the id until AT+MIPCLOSE. */
    boolean hostReleases;
    boolean awaitingRelease;
    long moduleUnread;
    /** When the module last said anything of this connection's received data (bytes or a buffer notice). */
    Instant lastHeard;
    boolean readPending;
    /** An AT+MIPRD=<id> check of what the module holds is queued: one at a time, however many lines call for it. */
    boolean unreadCheckPending;
    /** Where the gateway stands in holding a slow reader's data back in the module (push mode only). */
    ReceiveHold hold = ReceiveHold.NONE;
    /** TCP sends on this id that failed: a send queued before one of them must not carry the stream on past it. */
    long failedSends;
    long bytesSent;
    long bytesReceived;
    long droppedBytes;
    SackSample lastSack;
    SeqOutcome lastSeq;
    /** The newest generation the history holds for this id: a restarted gateway continues after it. */
    long recordedGeneration;
    /** A previous run's lifetime on this id that it never saw close, until the loss it leaves is accounted for. */
    RecordedConnections.LastLifetime leftOpenBefore;

    ConnectionSlot(int connectId, int receiveCapacity, Instant now) {
        this.connectId = connectId;
        this.receiveBuffer = new ReceiveBuffer(receiveCapacity);
        this.since = now;
    }

    /** The id was used before: a "disconn" may be its predecessor's, so it is confirmed before it closes this one. */
    boolean reused() {
        return generation > 1;
    }

    /** Whether the id can take a new AT+MIPOPEN: nothing lives on it and the module released it. */
    boolean isFree() {
        return (state == ConnectionState.INITIAL || state == ConnectionState.CLOSED) && !awaitingRelease;
    }

    /** Starts a new connection on this id with an empty receive buffer of its own. */
    void begin(Protocol protocol, String host, int port, AccessMode mode, ConnectionState initial, String why,
               Instant now) {
        generation = Math.max(generation, recordedGeneration) + 1;
        this.protocol = protocol;
        this.remoteHost = host;
        this.remotePort = port;
        this.mode = mode;
        this.receiveBuffer = new ReceiveBuffer(receiveBuffer.capacity());
        moduleUnread = 0;
        lastHeard = now;
        readPending = false;
        unreadCheckPending = false;
        hold = ReceiveHold.NONE;
        lastSack = null;
        lastSeq = null;
        bytesSent = 0;
        bytesReceived = 0;
        droppedBytes = 0;
        transition(initial, why, now);
    }

    void transition(ConnectionState to, String why, Instant now) {
        this.state = to;
        this.reason = why;
        this.since = now;
    }

    ConnectionSnapshot snapshot() {
        return new ConnectionSnapshot(connectId, generation, state, reason, protocol, remoteHost, remotePort, mode,
                since, receiveBuffer.size(), droppedBytes, bytesSent, bytesReceived, lastSack, sendFormat, recvFormat,
                lastSeq, hold == ReceiveHold.HELD);
    }
}
