package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One AT+MNTP result. */
@Entity
@Immutable
@Table(name = "ntp_result")
public class NtpResultRecord extends BoxScopedRecord {

    @Column(name = "completed_at")
    private Instant completedAt;
    private String server;
    @Column(name = "result_code")
    private int resultCode;
    @Column(name = "module_time")
    private String moduleTime;

    protected NtpResultRecord() {
    }

    public Instant getCompletedAt() { return completedAt; }
    public String getServer() { return server; }
    public int getResultCode() { return resultCode; }
    public String getModuleTime() { return moduleTime; }
}
