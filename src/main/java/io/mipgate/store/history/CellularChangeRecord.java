package io.mipgate.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A cellular status reading that changed registration, attach, radio, SIM, operator or ICCID. */
@Entity
@Immutable
@Table(name = "cellular_status_change")
public class CellularChangeRecord extends BoxScopedRecord {

    @Column(name = "read_at")
    private Instant readAt;
    @Column(name = "change_summary")
    private String changeSummary;
    private String registration;
    private Boolean attached;
    @Column(name = "radio_on")
    private Boolean radioOn;
    private String sim;
    @Column(name = "operator_name")
    private String operatorName;
    private String iccid;
    @Column(name = "rssi_dbm")
    private Integer rssiDbm;
    @Column(name = "rsrp_dbm")
    private Integer rsrpDbm;

    protected CellularChangeRecord() {
    }

    public Instant getReadAt() { return readAt; }
    public String getChangeSummary() { return changeSummary; }
    public String getRegistration() { return registration; }
    public Boolean getAttached() { return attached; }
    public Boolean getRadioOn() { return radioOn; }
    public String getSim() { return sim; }
    public String getOperatorName() { return operatorName; }
    public String getIccid() { return iccid; }
    public Integer getRssiDbm() { return rssiDbm; }
    public Integer getRsrpDbm() { return rsrpDbm; }
}
