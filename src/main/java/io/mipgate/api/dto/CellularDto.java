package io.mipgate.api.dto;

import io.mipgate.domain.CellularStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A module's cellular status as ModemManager's {@code mmcli -m} shows it; a part the module did not answer is null. */
@Schema(name = "CellularStatus")
public record CellularDto(
        @Schema(example = "emu-ml307r") String moduleId,
        Instant readAt,
        @Schema(description = "AT+CSQ <rssi> in dBm", example = "-71") Integer rssiDbm,
        @Schema(description = "AT+CSQ <ber> 0-7", example = "0") Integer ber,
        @Schema(description = "AT+CESQ <rsrp> in dBm, where the model has AT+CESQ", example = "-95") Integer rsrpDbm,
        @Schema(description = "AT+CESQ <rsrq> in dB, where the model has AT+CESQ", example = "-9.0") Double rsrqDb,
        @Schema(description = "decoded <stat> of AT+CEREG? (or AT+CREG?)", example = "REGISTERED_HOME")
        String registration,
        @Schema(description = "the 3GPP TS 27.007 <stat> number", example = "1") Integer registrationCode,
        @Schema(description = "home or roaming, in any flavour") boolean registered,
        @Schema(example = "+CEREG") String registrationSource,
        String trackingAreaCode,
        String cellId,
        @Schema(description = "<AcT>: 7 E-UTRAN, 9 E-UTRAN NB-S1", example = "7") Integer accessTechnology,
        @Schema(description = "AT+CGATT?") Boolean attached,
        @Schema(description = "AT+CFUN? is 1") Boolean radioOn,
        @Schema(example = "CHINA MOBILE") String operator,
        @Schema(description = "AT+COPS? <mode>: 0 automatic, 1 manual, 2 deregistered", example = "0")
        Integer operatorMode,
        @Schema(example = "READY", allowableValues = {"READY", "PIN_REQUIRED", "NOT_INSERTED", "FAILURE", "UNKNOWN"})
        String sim,
        @Schema(example = "89860412102080012345") String iccid,
        @Schema(example = "460041234567890") String imsi,
        @Schema(example = "869999012345678") String imei,
        @Schema(example = "ML307R-DL-MBRH0S01") String firmware,
        List<PdpContextDto> pdpContexts,
        @Schema(description = "parts the module did not answer, with its answer") Map<String, String> unavailable) {

    /** One PDP context: its definition (AT+CGDCONT?) and its addresses (AT+CGPADDR; empty while inactive). */
    @Schema(name = "PdpContext")
    public record PdpContextDto(@Schema(example = "1") int cid, @Schema(example = "IPV4V6") String type,
                                @Schema(example = "CMIOT") String apn, List<String> addresses) {
    }

    public static CellularDto of(String moduleId, CellularStatus s) {
        CellularStatus.Signal signal = s.signal();
        CellularStatus.Registration reg = s.registration();
        CellularStatus.Operator op = s.operator();
        return new CellularDto(moduleId, s.readAt(),
                signal == null ? null : signal.rssiDbm(), signal == null ? null : signal.ber(),
                signal == null ? null : signal.rsrpDbm(), signal == null ? null : signal.rsrqDb(),
                reg == null ? null : reg.state().name(), reg == null ? null : reg.state().code(),
                reg != null && reg.state().registered(), reg == null ? null : reg.source(),
                reg == null ? null : reg.trackingAreaCode(), reg == null ? null : reg.cellId(),
                reg == null ? null : reg.accessTechnology(), s.attached(), s.radioOn(),
                op == null ? null : op.name(), op == null ? null : op.mode(),
                s.sim() == null ? null : s.sim().name(), s.iccid(), s.imsi(), s.imei(), s.firmware(),
                s.pdpContexts().stream().map(c -> new PdpContextDto(c.cid(), c.type(), c.apn(), c.addresses()))
                        .toList(), s.unavailable());
    }
}
