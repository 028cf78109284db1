package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A module as the store knows it (written by the store writer over JDBC; read-only here). */
@Entity
@Immutable
@Table(name = "module_record")
public class ModuleRecord extends BoxScopedRecord {

    private String model;
    private String firmware;
    private String imei;
    private String status;
    @Column(name = "status_since")
    private Instant statusSince;
    @Column(name = "first_seen")
    private Instant firstSeen;
    @Column(name = "last_seen")
    private Instant lastSeen;

    protected ModuleRecord() {
    }

    public String getModel() { return model; }
    public String getFirmware() { return firmware; }
    public String getImei() { return imei; }
    public String getStatus() { return status; }
    public Instant getStatusSince() { return statusSince; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }
}
