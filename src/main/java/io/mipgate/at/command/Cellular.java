package io.mipgate.at.command;

import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.domain.InvalidParameterException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The 3GPP general and packet-domain commands a driver needs to show and steer a module's cellular side. The OneMO
 * TCP/IP AT manual (v5.0.0) only refers to AT+CGDCONT for the {@code <cid>} range; every form here therefore comes
 * from 3GPP TS 27.007 (section numbers on each record), except the OneMO-specific AT+MCCID, whose form comes from the
 * OneMO AT manual family as seen in the field (FIELD-NOTES §4). Answers are decoded by {@link CellularAnswers}.
 */
public final class Cellular {

    /** PDP context ids of the 4G series (FIELD-NOTES §5: AT+MIPCFG=? advertises "cid" as (1-15)). */
    public static final IntRange CIDS = IntRange.of(1, 15);
    /** TS 23.003 §9.1: an APN is at most 100 octets; the network-identifier part alone at most 63. */
    public static final int APN_MAX = 100;
    public static final Set<String> PDP_TYPES = Set.of("IP", "IPV6", "IPV4V6");

    private Cellular() {
    }

    /** A query with one {@code +XXX:} answer line: the read or execute form of a 27.007 command. */
    private interface Query extends AtCommand {
        String prefix();

        @Override
        default String name() {
            return "AT" + prefix();
        }

        @Override
        default byte[] encode(ModelProfile profile) {
            return CommandLine.terminated(describe());
        }

        @Override
        default ResponseShape response() {
            return ResponseShape.lines(prefix());
        }
    }

    /** {@code AT+CSQ} → {@code +CSQ: <rssi>,<ber>} (TS 27.007 §8.5). */
    public record SignalQuality() implements Query {
        public String prefix() {
            return "+CSQ";
        }

        public Form form() {
            return Form.EXECUTE;
        }
    }

    /** {@code AT+CESQ} → {@code +CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>} (TS 27.007 §8.69). */
    public record ExtendedSignalQuality() implements Query {
        public String prefix() {
            return "+CESQ";
        }

        public Form form() {
            return Form.EXECUTE;
        }
    }

    /** {@code AT+CEREG?} → {@code +CEREG: <n>,<stat>[,<tac>,<ci>[,<AcT>]]} (TS 27.007 §10.1.22). */
    public record EpsRegistration() implements Query {
        public String prefix() {
            return "+CEREG";
        }

        public Form form() {
            return Form.READ;
        }
    }

    /**
     * {@code AT+CREG?} → {@code +CREG: <n>,<stat>[,<lac>,<ci>[,<AcT>]]} (TS 27.007 §7.2). ML307R and ML307C answer a
     * bare ERROR (FIELD-NOTES §3), so it is only the fallback where AT+CEREG? is refused.
     */
    public record Registration() implements Query {
        public String prefix() {
            return "+CREG";
        }

        public Form form() {
            return Form.READ;
        }
    }

    /** {@code AT+CGATT?} → {@code +CGATT: <state>} (TS 27.007 §10.1.9). */
    public record AttachState() implements Query {
        public String prefix() {
            return "+CGATT";
        }

        public Form form() {
            return Form.READ;
        }
    }

    /** {@code AT+COPS?} → {@code +COPS: <mode>[,<format>,<oper>[,<AcT>]]} (TS 27.007 §7.3). */
    public record OperatorSelection() implements Query {
        public String prefix() {
            return "+COPS";
        }

        public Form form() {
            return Form.READ;
        }
    }

    /** {@code AT+CPIN?} → {@code +CPIN: READY} or a PIN code it waits for; CME 10 without a SIM (TS 27.007 §8.3). */
    public record PinState() implements Query {
        public String prefix() {
            return "+CPIN";
        }

        public Form form() {
            return Form.READ;
        }
    }

    /** {@code AT+CFUN?} → {@code +CFUN: <fun>} (TS 27.007 §8.2). */
    public record FunctionalityRead() implements Query {
        public String prefix() {
            return "+CFUN";
        }

        public Form form() {
            return Form.READ;
        }
    }

    /** {@code AT+CGDCONT?} → one {@code +CGDCONT: <cid>,<PDP_type>,<APN>,...} line per context (TS 27.007 §10.1.1). */
    public record PdpContexts() implements Query {
        public String prefix() {
            return "+CGDCONT";
        }

        public Form form() {
            return Form.READ;
        }
    }

    /** {@code AT+CGPADDR} → one {@code +CGPADDR: <cid>[,<addr1>[,<addr2>]]} per context; bare OK when none is active. */
    public record PdpAddresses() implements Query {
        public String prefix() {
            return "+CGPADDR";
        }

        public Form form() {
            return Form.EXECUTE;
        }
    }

    /**
     * The SIM's ICCID. OneMO modules answer {@code AT+MCCID} with {@code +MCCID: <iccid>}; some firmware has
     * {@code AT+ICCID} instead and answers {@code AT+CCID} with a bare ERROR (FIELD-NOTES §3, §4), so the driver tries
     * the forms in {@link #FORMS} order. Some firmware print the number as a bare line, which is accepted too.
     */
    public record Iccid(String command) implements AtCommand {
        public static final java.util.List<String> FORMS = java.util.List.of("+MCCID", "+ICCID", "+CCID");

        public Iccid {
            if (!FORMS.contains(command)) {
                throw new IllegalArgumentException("no ICCID command " + command);
            }
        }

        public String name() {
            return "AT" + command;
        }

        public Form form() {
            return Form.EXECUTE;
        }

        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated(name());
        }

        @Override
        public ResponseShape response() {
            return new ResponseShape(Set.of(command), false, true);
        }
    }

    /** {@code AT+CIMI}: the IMSI as a bare line (TS 27.007 §7.1). */
    public record Imsi() implements AtCommand {
        public String name() {
            return "AT+CIMI";
        }

        public Form form() {
            return Form.EXECUTE;
        }

        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated("AT+CIMI");
        }

        @Override
        public ResponseShape response() {
            return new ResponseShape(Set.of("+CIMI"), false, true);
        }
    }

    /**
     * {@code AT+CFUN=<fun>} (TS 27.007 §8.2): 0 minimum functionality (radio off), 1 full. Field drivers allow 45 s
     * (FIELD-NOTES §17): the module detaches or registers before it answers.
     */
    public record SetFunctionality(int fun) implements AtCommand {
        private static final IntRange FUN = IntRange.of(0, 1);

        public String name() {
            return "AT+CFUN";
        }

        public Form form() {
            return Form.SET;
        }

        public byte[] encode(ModelProfile profile) {
            return CommandLine.set("AT+CFUN").number(Params.inRange(profile, "<fun>", fun, FUN)).encode();
        }

        @Override
        public Duration responseTimeout(ModelProfile profile) {
            return Duration.ofSeconds(45);
        }

        @Override
        public String describe() {
            return "AT+CFUN=" + fun;
        }
    }

    /**
     * {@code AT+CGDCONT=<cid>,"<PDP_type>","<APN>"} (TS 27.007 §10.1.1). The type is upper-cased; an empty APN lets
     * the network choose (the SIM's default, e.g. CMIOT).
     */
    public record DefinePdpContext(int cid, String pdpType, String apn) implements AtCommand {
        public String name() {
            return "AT+CGDCONT";
        }

        public Form form() {
            return Form.SET;
        }

        public byte[] encode(ModelProfile profile) {
            int id = Params.inRange(profile, "<cid>", cid, CIDS);
            String type = pdpType == null ? null : pdpType.toUpperCase(Locale.ROOT);
            if (type == null || !PDP_TYPES.contains(type)) {
                throw new InvalidParameterException("<PDP_type>", pdpType, String.join(", ", PDP_TYPES.stream()
                        .sorted().toList()), profile == null ? null : profile.name());
            }
            String name = Params.quotable("<APN>", apn, APN_MAX, true);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                    throw new InvalidParameterException("<APN>", apn, "letters, digits, '.' and '-' (TS 23.003 §9.1)",
                            profile == null ? null : profile.name());
                }
            }
            return CommandLine.set("AT+CGDCONT").number(id).quoted(type).quoted(name).encode();
        }

        @Override
        public String describe() {
            return "AT+CGDCONT=" + cid;
        }
    }
}
