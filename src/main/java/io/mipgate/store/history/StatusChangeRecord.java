package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A module status change. */
@Entity
@Immutable
@Table(name = "module_status_change")
public class StatusChangeRecord extends BoxScopedRecord {

    @Column(name = "changed_at")
    private Instant changedAt;
    @Column(name = "from_status")
    private String fromStatus;
    @Column(name = "to_status")
    private String toStatus;
    private String reason;

    protected StatusChangeRecord() {
    }

    public Instant getChangedAt() { return changedAt; }
    public String getFromStatus() { return fromStatus; }
    public String getToStatus() { return toStatus; }
    public String getReason() { return reason; }
}
