package io.mipgate.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reading of a module's cellular state, as {@code mmcli -m} shows it. Every part is null when the module did not
 * answer it (the command is missing on the model, or failed); {@code unavailable} says why, by part name.
 *
 * @param readAt      when the reading finished
 * @param signal      AT+CSQ, and AT+CESQ where the model has it
 * @param registration AT+CEREG? (EPS), or AT+CREG? where the module has no EPS registration report
 * @param attached    AT+CGATT?: packet-domain attach
 * @param radioOn     AT+CFUN?: 1 is full functionality; 0 and 4 mean the radio is off
 * @param operator    AT+COPS?
 * @param sim         AT+CPIN?
 * @param iccid       AT+MCCID (or AT+ICCID / AT+CCID where that is the model's form)
 * @param imsi        AT+CIMI
 * @param imei        AT+CGSN=1
 * @param firmware    AT+CGMR
 * @param pdpContexts AT+CGDCONT? joined with AT+CGPADDR
 */
public record CellularStatus(Instant readAt, Signal signal, Registration registration, Boolean attached,
                             Boolean radioOn, Operator operator, SimState sim, String iccid, String imsi, String imei,
                             String firmware, List<PdpContext> pdpContexts, Map<String, String> unavailable) {

    public CellularStatus {
        Objects.requireNonNull(readAt, "readAt");
        pdpContexts = pdpContexts == null ? List.of() : List.copyOf(pdpContexts);
        unavailable = unavailable == null ? Map.of() : Map.copyOf(unavailable);
    }

    /**
     * Signal strength.
     *
     * @param rssiDbm  received signal strength from AT+CSQ {@code <rssi>}, dBm; null when the module reports 99
     * @param ber      AT+CSQ {@code <ber>} 0–7; null when the module reports 99
     * @param rsrpDbm  AT+CESQ {@code <rsrp>}, dBm; null when absent or 255
     * @param rsrqDb   AT+CESQ {@code <rsrq>}, dB; null when absent or 255
     */
    public record Signal(Integer rssiDbm, Integer ber, Integer rsrpDbm, Double rsrqDb) {
    }

    /**
     * @param state           the decoded {@code <stat>}
     * @param source          the command it came from: {@code +CEREG} or {@code +CREG}
     * @param trackingAreaCode {@code <tac>}/{@code <lac>} as hex, where the report includes the location
     * @param cellId          {@code <ci>} as hex, where the report includes the location
     * @param accessTechnology {@code <AcT>} (7 E-UTRAN, 9 NB-IoT), where reported
     */
    public record Registration(RegistrationState state, String source, String trackingAreaCode, String cellId,
                               Integer accessTechnology) {
        public Registration {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * @param mode             {@code <mode>}: 0 automatic, 1 manual, 2 deregistered
     * @param name             {@code <oper>} as the module printed it, null when not registered
     * @param format           {@code <format>}: 0 long alphanumeric, 1 short, 2 numeric (MCC+MNC)
     * @param accessTechnology {@code <AcT>}
     */
    public record Operator(int mode, String name, Integer format, Integer accessTechnology) {
    }

    /**
     * @param cid     context id
     * @param type    {@code <PDP_type>}: IP, IPV6, IPV4V6
     * @param apn     access point name, empty when the network chooses it
     * @param addresses the context's addresses from AT+CGPADDR; empty when it is not active
     */
    public record PdpContext(int cid, String type, String apn, List<String> addresses) {
        public PdpContext {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }
}
