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
}
