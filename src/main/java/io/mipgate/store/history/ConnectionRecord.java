package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One connection lifetime: a (module, connect_id, generation) from its first transition to CLOSED. */
@Entity
@Immutable
@Table(name = "connection_record")
public class ConnectionRecord extends BoxScopedRecord {

    @Column(name = "connect_id")
    private int connectId;
    private long generation;
    private String protocol;
    @Column(name = "remote_host")
    private String remoteHost;
    @Column(name = "remote_port")
    private Integer remotePort;
    @Column(name = "access_mode")
    private String accessMode;
    @Column(name = "last_state")
    private String lastState;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "close_reason")
    private String closeReason;
    @Column(name = "received_bytes")
    private Long receivedBytes;
    @Column(name = "buffered_bytes")
    private Long bufferedBytes;
    @Column(name = "dropped_bytes")
    private Long droppedBytes;
    @Column(name = "counted_at")
    private Instant countedAt;
    @Column(name = "lost_unread_bytes")
    private Long lostUnreadBytes;
    @Column(name = "lost_unaccounted_bytes")
    private Long lostUnaccountedBytes;

    protected ConnectionRecord() {
    }

    public int getConnectId() { return connectId; }
    public long getGeneration() { return generation; }
    public String getProtocol() { return protocol; }
    public String getRemoteHost() { return remoteHost; }
    public Integer getRemotePort() { return remotePort; }
    public String getAccessMode() { return accessMode; }
    public String getLastState() { return lastState; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getCloseReason() { return closeReason; }
    /** Counters as of the last checkpoint ({@link #getCountedAt()}); null before the first. */
    public Long getReceivedBytes() { return receivedBytes; }
    public Long getBufferedBytes() { return bufferedBytes; }
    public Long getDroppedBytes() { return droppedBytes; }
    public Instant getCountedAt() { return countedAt; }
    /** Set when a gateway run ended without seeing this lifetime close and the next run accounted for its loss. */
    public Long getLostUnreadBytes() { return lostUnreadBytes; }
    /** Null with a non-null {@link #getLostUnreadBytes()}: the module could not tell what it had handed over. */
    public Long getLostUnaccountedBytes() { return lostUnaccountedBytes; }
}
