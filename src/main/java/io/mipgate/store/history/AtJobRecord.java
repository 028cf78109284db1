package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One AT job: command name, outcome and its times (never parameters or payload). */
@Entity
@Immutable
@Table(name = "at_job")
public class AtJobRecord extends BoxScopedRecord {

    private String command;
    private String outcome;
    @Column(name = "cme_code")
    private Integer cmeCode;
    private String detail;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected AtJobRecord() {
    }

    public String getCommand() { return command; }
    public String getOutcome() { return outcome; }
    public Integer getCmeCode() { return cmeCode; }
    public String getDetail() { return detail; }
    public Instant getQueuedAt() { return queuedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
}
