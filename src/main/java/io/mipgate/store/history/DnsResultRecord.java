package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One AT+MDNSGIP result. */
@Entity
@Immutable
@Table(name = "dns_result")
public class DnsResultRecord extends BoxScopedRecord {

    @Column(name = "resolved_at")
    private Instant resolvedAt;
    private String domain;
    private String addresses;
    private boolean succeeded;

    protected DnsResultRecord() {
    }

    public Instant getResolvedAt() { return resolvedAt; }
    public String getDomain() { return domain; }
    public String getAddresses() { return addresses; }
    public boolean isSucceeded() { return succeeded; }
}
