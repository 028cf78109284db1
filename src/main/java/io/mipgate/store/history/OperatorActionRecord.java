package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An operator's control request (reboot, radio, PDP context, retry) and how it ended. */
@Entity
@Immutable
@Table(name = "operator_action")
public class OperatorActionRecord extends BoxScopedRecord {

    @Column(name = "requested_at")
    private Instant requestedAt;
    private String action;
    private String detail;
    @Column(name = "requested_by")
    private String requestedBy;
    private boolean succeeded;
    private String failure;

    protected OperatorActionRecord() {
    }

    public Instant getRequestedAt() { return requestedAt; }
    public String getAction() { return action; }
    public String getDetail() { return detail; }
    public String getRequestedBy() { return requestedBy; }
    public boolean isSucceeded() { return succeeded; }
    public String getFailure() { return failure; }
}
