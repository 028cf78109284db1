package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** The summary of one ping run. */
@Entity
@Immutable
@Table(name = "ping_result")
public class PingRecord extends BoxScopedRecord {

    @Column(name = "completed_at")
    private Instant completedAt;
    private String host;
    private Integer sent;
    private Integer lost;
    private int replies;
    @Column(name = "rtt_min_ms")
    private Integer rttMinMs;
    @Column(name = "rtt_max_ms")
    private Integer rttMaxMs;
    @Column(name = "rtt_avg_ms")
    private Integer rttAvgMs;

    protected PingRecord() {
    }

    public Instant getCompletedAt() { return completedAt; }
    public String getHost() { return host; }
    public Integer getSent() { return sent; }
    public Integer getLost() { return lost; }
    public int getReplies() { return replies; }
    public Integer getRttMinMs() { return rttMinMs; }
    public Integer getRttMaxMs() { return rttMaxMs; }
    public Integer getRttAvgMs() { return rttAvgMs; }
}
