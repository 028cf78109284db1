package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One ConnectionChanged event. */
@Entity
@Immutable
@Table(name = "connection_transition")
public class ConnectionTransition extends BoxScopedRecord {

    @Column(name = "connect_id")
    private int connectId;
    private long generation;
    @Column(name = "changed_at")
    private Instant changedAt;
    @Column(name = "from_state")
    private String fromState;
    @Column(name = "to_state")
    private String toState;
    private String reason;

    protected ConnectionTransition() {
    }

    public int getConnectId() { return connectId; }
    public long getGeneration() { return generation; }
    public Instant getChangedAt() { return changedAt; }
    public String getFromState() { return fromState; }
    public String getToState() { return toState; }
    public String getReason() { return reason; }
}
