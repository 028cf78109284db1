package io.mipgate.at.command;

import io.mipgate.domain.CellularStatus;
import io.mipgate.domain.RegistrationState;
import io.mipgate.domain.SimState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the answers of {@link Cellular} commands from their unquoted fields. Pure functions: a line that does not
 * have the 27.007 shape decodes to empty, never to an exception, so one odd firmware line costs one part of a status
 * reading and nothing else.
 */
public final class CellularAnswers {

    /** 27.007's "not known or not detectable" for {@code <rssi>} and {@code <ber>}. */
    static final int CSQ_UNKNOWN = 99;
    /** 27.007's "not known or not detectable" for {@code <rsrq>} and {@code <rsrp>}. */
    static final int CESQ_UNKNOWN = 255;

    private CellularAnswers() {
    }

    /**
     * {@code +CSQ: <rssi>,<ber>}: rssi 0 is -113 dBm or less, 1 is -111 dBm, 2..30 are -109..-53 dBm in 2 dB steps,
     * 31 is -51 dBm or more; 99 is unknown.
     */
    public static Optional<CellularStatus.Signal> csq(List<String> fields) {
        if (fields.size() != 2) {
            return Optional.empty();
        }
        Integer rssi = integer(fields.get(0));
        Integer ber = integer(fields.get(1));
        if (rssi == null || ber == null || !(rssi >= 0 && rssi <= 31 || rssi == CSQ_UNKNOWN)
                || !(ber >= 0 && ber <= 7 || ber == CSQ_UNKNOWN)) {
            return Optional.empty();
        }
        return Optional.of(new CellularStatus.Signal(rssi == CSQ_UNKNOWN ? null : -113 + 2 * rssi,
                ber == CSQ_UNKNOWN ? null : ber, null, null));
    }

    /** The {@code <rssi>} index of a level in dBm, as a module would print it. */
    public static int csqIndex(int rssiDbm) {
        return Math.max(0, Math.min(31, (rssiDbm + 113) / 2));
    }

    /**
     * {@code +CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>} adds RSRQ and RSRP to {@code signal}: rsrq n is
     * -20 + n/2 dB (0 = below -19.5 dB, 34 = -3 dB or more), rsrp n is n - 141 dBm (0 = below -140 dBm, 97 = -44 dBm
     * or more); 255 is unknown.
     */
    public static Optional<CellularStatus.Signal> cesq(List<String> fields, CellularStatus.Signal signal) {
        if (fields.size() != 6) {
            return Optional.empty();
        }
        Integer rsrq = integer(fields.get(4));
        Integer rsrp = integer(fields.get(5));
        if (rsrq == null || rsrp == null || !(rsrq >= 0 && rsrq <= 34 || rsrq == CESQ_UNKNOWN)
                || !(rsrp >= 0 && rsrp <= 97 || rsrp == CESQ_UNKNOWN)) {
            return Optional.empty();
        }
        CellularStatus.Signal base = signal == null ? new CellularStatus.Signal(null, null, null, null) : signal;
        return Optional.of(new CellularStatus.Signal(base.rssiDbm(), base.ber(),
                rsrp == CESQ_UNKNOWN ? null : rsrp - 141, rsrq == CESQ_UNKNOWN ? null : -20 + rsrq / 2.0));
    }

    /**
     * The read answer {@code +CEREG: <n>,<stat>[,[<tac>],[<ci>],[<AcT>][,...]]}, or the same shape of {@code +CREG}.
     * Fields after {@code <AcT>} (reject cause, PSM timers at {@code <n>} 3–5) are ignored.
     */
    public static Optional<CellularStatus.Registration> registration(String source, List<String> fields) {
        if (fields.size() < 2 || integer(fields.get(0)) == null) {
            return Optional.empty();
        }
        Integer stat = integer(fields.get(1));
        if (stat == null || stat > 10) {
            return Optional.empty();
        }
        String tac = fields.size() > 2 ? emptyToNull(fields.get(2)) : null;
        String ci = fields.size() > 3 ? emptyToNull(fields.get(3)) : null;
        Integer act = fields.size() > 4 ? integer(fields.get(4)) : null;
        return Optional.of(new CellularStatus.Registration(RegistrationState.ofCode(stat), source, tac, ci, act));
    }

    /** {@code +CGATT: <state>}: 1 attached, 0 detached. */
    public static Optional<Boolean> attached(List<String> fields) {
        Integer state = fields.size() == 1 ? integer(fields.get(0)) : null;
        return state == null || state > 1 || state < 0 ? Optional.empty() : Optional.of(state == 1);
    }

    /** {@code +CFUN: <fun>}: 1 is full functionality; 0 (minimum) and 4 (flight mode) have the radio off. */
    public static Optional<Boolean> radioOn(List<String> fields) {
        Integer fun = fields.isEmpty() ? null : integer(fields.get(0));
        return fun == null || fun < 0 ? Optional.empty() : Optional.of(fun == 1);
    }

    /** {@code +COPS: <mode>[,<format>,<oper>[,<AcT>]]}. */
    public static Optional<CellularStatus.Operator> operator(List<String> fields) {
        if (fields.isEmpty() || fields.size() > 4 || fields.size() == 2) {
            return Optional.empty();
        }
        Integer mode = integer(fields.get(0));
        if (mode == null || mode < 0 || mode > 4) {
            return Optional.empty();
        }
        if (fields.size() == 1) {
            return Optional.of(new CellularStatus.Operator(mode, null, null, null));
        }
        Integer format = integer(fields.get(1));
        Integer act = fields.size() == 4 ? integer(fields.get(3)) : null;
        return format == null ? Optional.empty()
                : Optional.of(new CellularStatus.Operator(mode, emptyToNull(fields.get(2)), format, act));
    }

    /** {@code +CPIN: <code>}: READY, or the PIN/PUK the SIM waits for. */
    public static SimState pin(List<String> fields) {
        if (fields.size() != 1) {
            return SimState.UNKNOWN;
        }
        String code = fields.get(0).strip();
        if (code.equals("READY")) {
            return SimState.READY;
        }
        if (code.equals("NOT INSERTED")) {
            return SimState.NOT_INSERTED;
        }
        return code.startsWith("SIM P") || code.startsWith("PH-") ? SimState.PIN_REQUIRED : SimState.UNKNOWN;
    }

    /** An ICCID: 19 or 20 digits, the last one may be the hex filler F that some SIMs report. */
    public static Optional<String> iccid(String text) {
        String value = text == null ? "" : text.strip();
        return value.matches("[0-9]{18,19}[0-9Ff]") ? Optional.of(value.toUpperCase(java.util.Locale.ROOT))
                : Optional.empty();
    }

    /** An IMSI: 6 to 15 digits (TS 23.003 §2.2). */
    public static Optional<String> imsi(String text) {
        String value = text == null ? "" : text.strip();
        return value.matches("[0-9]{6,15}") ? Optional.of(value) : Optional.empty();
    }

    /** One {@code +CGDCONT: <cid>,<PDP_type>,<APN>[,...]} line, trailing empty fields and all (FIELD-NOTES §4). */
    public static Optional<CellularStatus.PdpContext> pdpContext(List<String> fields) {
        if (fields.size() < 3) {
            return Optional.empty();
        }
        Integer cid = integer(fields.get(0));
        return cid == null || cid < 0 ? Optional.empty()
                : Optional.of(new CellularStatus.PdpContext(cid, fields.get(1), fields.get(2), List.of()));
    }

    /** One {@code +CGPADDR: <cid>[,<addr1>[,<addr2>]]} line: the context and its non-empty addresses. */
    public static Optional<Addresses> pdpAddresses(List<String> fields) {
        if (fields.isEmpty() || fields.size() > 3) {
            return Optional.empty();
        }
        Integer cid = integer(fields.get(0));
        if (cid == null || cid < 0) {
            return Optional.empty();
        }
        List<String> addresses = new ArrayList<>();
        for (String address : fields.subList(1, fields.size())) {
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        return Optional.of(new Addresses(cid, addresses));
    }

    /** The addresses of one PDP context. */
    public record Addresses(int cid, List<String> addresses) {
        public Addresses {
            addresses = List.copyOf(addresses);
        }
    }

    private static Integer integer(String field) {
        String value = field.strip();
        if (value.isEmpty() || value.length() > 9) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(value);
    }

    private static String emptyToNull(String field) {
        return field == null || field.isEmpty() ? null : field;
    }
}
