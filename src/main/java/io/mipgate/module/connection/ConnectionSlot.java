package io.mipgate.module.connection;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.SackSample;
import java.time.Instant;

/**
 * What the gateway knows about one connect_id: the state machine of the connection that lives on it, its settings
 * and its receive buffer. Mutated only by the worker (under its lock); snapshots are taken for everybody else.
 */
public final class ConnectionSlot {

    private final int connectId;
    private final ReceiveBuffer receiveBuffer;
    private long generation;
    private ConnectionState state = ConnectionState.INITIAL;
    private String reason = "never opened";
    private Instant since;
    private Protocol protocol;
    private String remoteHost;
    private int remotePort;
    private AccessMode mode = AccessMode.NORMAL;
    private SendFormat sendFormat = SendFormat.ASCII;
    private RecvFormat recvFormat = RecvFormat.ASCII;
    private boolean hostReleases;
    private boolean awaitingRelease;
    private long moduleUnread;
    private boolean readPending;
    private long bytesSent;
    private long bytesReceived;
    private long droppedBytes;
    private SackSample lastSack;

    public ConnectionSlot(int connectId, int receiveCapacity, Instant now) {
        this.connectId = connectId;
        this.receiveBuffer = new ReceiveBuffer(receiveCapacity);
        this.since = now;
    }

    public int connectId() {
        return connectId;
    }

    public ReceiveBuffer receiveBuffer() {
        return receiveBuffer;
    }

    public long generation() {
        return generation;
    }

    public ConnectionState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public Protocol protocol() {
        return protocol;
    }

    public String remoteHost() {
        return remoteHost;
    }

    public int remotePort() {
        return remotePort;
    }

    public AccessMode mode() {
        return mode;
    }

    public SendFormat sendFormat() {
        return sendFormat;
    }

    public RecvFormat recvFormat() {
        return recvFormat;
    }

    /** Whether the id can take a new AT+MIPOPEN: nothing lives on it and the module released it. */
    public boolean isFree() {
        return (state == ConnectionState.INITIAL || state == ConnectionState.CLOSED) && !awaitingRelease;
    }

    /** autofree = 1: after an abnormal drop the module keeps the id until AT+MIPCLOSE. */
    public boolean hostReleases() {
        return hostReleases;
    }

    public void hostReleases(boolean value) {
        this.hostReleases = value;
    }

    public boolean awaitingRelease() {
        return awaitingRelease;
    }

    public void awaitingRelease(boolean value) {
        this.awaitingRelease = value;
    }

    public long moduleUnread() {
        return moduleUnread;
    }

    public void moduleUnread(long value) {
        this.moduleUnread = Math.max(0, value);
    }

    public boolean readPending() {
        return readPending;
    }

    public void readPending(boolean value) {
        this.readPending = value;
    }

    public void formats(SendFormat send, RecvFormat recv) {
        this.sendFormat = send;
        this.recvFormat = recv;
    }

    public void mode(AccessMode mode) {
        this.mode = mode;
    }

    /** Starts a new connection on this id. */
    public void opening(Protocol protocol, String host, int port, AccessMode mode, Instant now) {
        generation++;
        this.protocol = protocol;
        this.remoteHost = host;
        this.remotePort = port;
        this.mode = mode;
        this.moduleUnread = 0;
        this.readPending = false;
        this.lastSack = null;
        this.bytesSent = 0;
        this.bytesReceived = 0;
        transition(ConnectionState.CONNECTING, "open requested", now);
    }

    /** Takes over a connection found open on the module (gateway restart, reconciliation). */
    public void adopt(Protocol protocol, String host, int port, ConnectionState moduleState, Instant now) {
        generation++;
        this.protocol = protocol;
        this.remoteHost = host;
        this.remotePort = port;
        transition(moduleState, "adopted from the module", now);
    }

    public void transition(ConnectionState to, String why, Instant now) {
        this.state = to;
        this.reason = why;
        this.since = now;
    }

    public void countSent(int bytes) {
        bytesSent += bytes;
    }

    public void countReceived(int bytes) {
        bytesReceived += bytes;
    }

    public void countDropped(long bytes) {
        droppedBytes += bytes;
    }

    public void lastSack(SackSample sample) {
        this.lastSack = sample;
    }

    public ConnectionSnapshot snapshot() {
        return new ConnectionSnapshot(connectId, generation, state, reason, protocol, remoteHost, remotePort, mode,
                since, receiveBuffer.size(), droppedBytes, bytesSent, bytesReceived, lastSack);
    }
}
