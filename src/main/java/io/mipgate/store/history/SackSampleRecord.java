package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One AT+MIPSACK reading of a connection. */
@Entity
@Immutable
@Table(name = "sack_sample")
public class SackSampleRecord extends BoxScopedRecord {

    @Column(name = "connect_id")
    private int connectId;
    private String protocol;
    @Column(name = "sampled_at")
    private Instant sampledAt;
    @Column(name = "sent_bytes")
    private long sentBytes;
    @Column(name = "acked_bytes")
    private long ackedBytes;
    @Column(name = "nack_bytes")
    private long nackBytes;
    @Column(name = "recv_bytes")
    private long receivedBytes;

    protected SackSampleRecord() {
    }

    public Instant getSampledAt() { return sampledAt; }
    public long getSentBytes() { return sentBytes; }
    public long getAckedBytes() { return ackedBytes; }
    public long getNackBytes() { return nackBytes; }
    public long getReceivedBytes() { return receivedBytes; }
}
