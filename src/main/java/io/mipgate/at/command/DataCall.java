package io.mipgate.at.command;

import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Set;

/**
 * The data call a module needs before it can open sockets (FIELD-NOTES §5, outside the TCP/IP manual): reading and
 * changing the state of a PDP context, its address, and its APN with {@code AT+CGDCONT}.
 */
public final class DataCall {

    /** PDP types of AT+CGDCONT (3GPP TS 27.007). */
    public static final Set<String> PDP_TYPES = Set.of("IP", "IPV6", "IPV4V6");
    /** An APN is at most 100 octets (3GPP TS 23.003 §9.1). */
    public static final int APN_MAX_LENGTH = 100;
    /** Activation waits for the network; field drivers allow tens of seconds (FIELD-NOTES §17: AT+CGACT 108 s). */
    private static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(60);
    private static final IntRange CIDS = ModelProfile.PDP_CID;

    private DataCall() {
    }

    /**
     * The two ways to read and switch a context: {@code AT+MIPCALL} as ML307 drivers use it (FIELD-NOTES §5: a
     * redundant activation answers {@code +CME ERROR: 50}, {@code AT+MIPCALL?} lists {@code <cid>,1,"<ip>"} per
     * active context or answers a bare {@code OK}), and the 3GPP {@code AT+CGACT} ({@code +CGACT: <cid>,<state>};
     * asking for the state a context has is no error).
     */
    public enum Verb {
        MIPCALL, CGACT;

        public String command() {
            return "AT+" + name();
        }

        public String prefix() {
            return "+" + name();
        }
    }

    /** {@code AT+MIPCALL?} / {@code AT+CGACT?}: the state of the contexts. */
    public record State(Verb verb) implements AtCommand {
        @Override
        public String name() {
            return verb.command();
        }

        @Override
        public Form form() {
            return Form.READ;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated(name() + "?");
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.lines(verb.prefix());
        }
    }

    /** {@code AT+MIPCALL=<1|0>,<cid>} / {@code AT+CGACT=<1|0>,<cid>}: activate or deactivate a context. */
    public record Activate(Verb verb, boolean active, int cid) implements AtCommand {
        @Override
        public String name() {
            return verb.command();
        }

        @Override
        public Form form() {
            return Form.SET;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.set(name()).number(active ? 1 : 0).number(Params.inRange(profile, "<cid>", cid, CIDS))
                    .encode();
        }

        @Override
        public Duration responseTimeout(ModelProfile profile) {
            return ACTIVATION_TIMEOUT;
        }

        @Override
        public String describe() {
            return name() + "=" + (active ? 1 : 0) + "," + cid;
        }
    }

    /** {@code AT+CGPADDR=<cid>}: {@code +CGPADDR: <cid>,"<address>"}, or a bare {@code OK} while it has none. */
    public record Address(int cid) implements AtCommand {
        @Override
        public String name() {
            return "AT+CGPADDR";
        }

        @Override
        public Form form() {
            return Form.SET;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.set(name()).number(Params.inRange(profile, "<cid>", cid, CIDS)).encode();
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.lines("+CGPADDR");
        }
    }

    /** {@code AT+CGDCONT=<cid>,"<type>","<apn>"}: the APN the next activation of {@code cid} uses. */
    public record Context(int cid, String pdpType, String apn) implements AtCommand {
        @Override
        public String name() {
            return "AT+CGDCONT";
        }

        @Override
        public Form form() {
            return Form.SET;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            if (!PDP_TYPES.contains(pdpType)) {
                throw new io.mipgate.domain.InvalidParameterException("<PDP_type>", pdpType, "IP, IPV6 or IPV4V6",
                        profile.family().displayName());
            }
            Params.quotable("<APN>", apn, APN_MAX_LENGTH, false);
            return CommandLine.set(name()).number(Params.inRange(profile, "<cid>", cid, CIDS)).quoted(pdpType)
                    .quoted(apn).encode();
        }

        @Override
        public String describe() {
            return "AT+CGDCONT=" + cid;
        }
    }
}
