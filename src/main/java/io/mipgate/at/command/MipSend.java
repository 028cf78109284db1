package io.mipgate.at.command;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.SendFormat;
import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * AT+MIPSEND in its four forms (AT-REFERENCE §2.5.1). Each answers {@code +MIPSEND: <id>,<accepted>} and
 * {@code OK}. The payload never appears in {@link #describe()}.
 */
public final class MipSend {

    private static final String NAME = "AT+MIPSEND";
    private static final String PREFIX = "+MIPSEND";
    /** One byte at 9600 baud (10 bits): the slowest line a module is configured for in the field. */
    static final Duration SLOWEST_BYTE_TIME = Duration.ofNanos(1_042_000);
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(15);

    private MipSend() {
    }

    /** Time for {@code n} bytes on the slowest serial line, added to payload-carrying commands. */
    static Duration lineTime(long bytes) {
        return SLOWEST_BYTE_TIME.multipliedBy(bytes);
    }

    /**
     * Form A: {@code AT+MIPSEND=<id>,<send_length>,"<data>"[,<rai>[,<seq>]]}. With {@code lengthCheck} false the
     * length field is 0, which tells the module not to check it (the field-proven spelling, FIELD-NOTES §7.1; the
     * reference's other one, an empty field, is only inferred).
     */
    public record Inline(int connectId, byte[] payload, SendFormat format, boolean lengthCheck, Integer rai,
                         Integer seq) implements TcpIpForms.SetForm {

        public Inline {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(format, "format");
        }

        public static Inline of(int connectId, byte[] payload, SendFormat format) {
            return new Inline(connectId, payload, format, true, null, null);
        }

        @Override
        public boolean carriesPayload() {
            return true;
        }

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPSEND;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            Params.connectId(profile, connectId);
            if (payload.length == 0) {
                throw new InvalidParameterException("<data>", "empty", "1..1460 bytes (an empty UDP datagram is AT+MIPSEND=<id>,0)", null);
            }
            Params.inRange(profile, "<data> length", payload.length, IntRange.of(1, ModelProfile.INLINE_SEND_LENGTH.max()));
            InlinePayload.unsupportedReason(format, payload).ifPresent(reason -> {
                throw new InvalidParameterException("<data>", payload.length + " bytes", reason, null);
            });
            String typed = InlinePayload.encode(format, payload);
            int length = lengthCheck ? InlinePayload.lengthField(format, payload, typed) : 0;
            Params.inRange(profile, "<send_length>", length, ModelProfile.INLINE_SEND_LENGTH);
            if (rai != null) {
                Params.require(profile, profile.send().raiOnUdp() || profile.send().raiOnTcp(), "<rai>");
                Params.inRange(profile, "<rai>", rai, ModelProfile.RAI);
            }
            if (seq != null) {
                Params.require(profile, profile.send().seq(), "<seq>");
                Params.inRange(profile, "<seq>", seq, ModelProfile.SEQ);
            }
            // A <seq> without <rai> leaves <rai> empty (AT-REFERENCE §1.4): MN319 has no RAI at all (fn 22) and
            // answers +CME ERROR: 50 to any value there, even the default 0.
            return CommandLine.set(NAME).number(connectId).number(length).raw('"' + typed + '"')
                    .number(rai).number(seq).encode();
        }

        @Override
        public Duration responseTimeout(ModelProfile profile) {
            return ACCEPT_TIMEOUT.plus(lineTime(2L * payload.length));
        }

        @Override
        public String describe() {
            return NAME + "=" + connectId + " (" + payload.length + " bytes inline, " + format + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Inline that && connectId == that.connectId && lengthCheck == that.lengthCheck
                    && format == that.format && Objects.equals(rai, that.rai) && Objects.equals(seq, that.seq)
                    && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(connectId, format, lengthCheck, rai, seq, Arrays.hashCode(payload));
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Form B: {@code AT+MIPSEND=<id>,<send_length>}, then after the {@code >} prompt exactly that many raw bytes
     * (Cat.1 only; up to 8192, ML305U 4096). The worker writes the bytes as part of the same job. The legacy ML302 /
     * ML305 firmware answers the bytes with {@code <id>,SEND OK} alone (FIELD-NOTES §14), which ends the command too.
     */
    public record Prompt(int connectId, int length) implements TcpIpForms.SetForm {

        @Override
        public boolean carriesPayload() {
            return true;
        }

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPSEND;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            Params.connectId(profile, connectId);
            Params.require(profile, profile.send().promptMode(), "the > data mode of AT+MIPSEND");
            Params.inRange(profile, "<send_length>", length, IntRange.of(1, profile.send().promptMaxLength()));
            return CommandLine.set(NAME).number(connectId).number(length).encode();
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.prompted(PREFIX, length);
        }

        @Override
        public Duration responseTimeout(ModelProfile profile) {
            return ACCEPT_TIMEOUT.plus(lineTime(length));
        }

        @Override
        public String describe() {
            return NAME + "=" + connectId + "," + length + " (> data mode)";
        }
    }

    /**
     * Forms C/D on Cat.1: {@code AT+MIPSEND=<id>} opens the {@code >} prompt without a length; the input ends at the
     * send buffer size (1460), with Ctrl+Z, or when the send timeout expires (V5.1.5 behaviour, FIELD-NOTES §12).
     */
    public record Unspecified(int connectId) implements TcpIpForms.SetForm {

        @Override
        public boolean carriesPayload() {
            return true;
        }

        /** Ends unspecified-length input (FIELD-NOTES §12). */
        public static final byte CTRL_Z = 0x1A;

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPSEND;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            Params.connectId(profile, connectId);
            Params.require(profile, profile.send().unspecifiedLengthPrompt(), "the unspecified-length > data mode");
            return CommandLine.set(NAME).number(connectId).encode();
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.prompted(PREFIX, 0);
        }

        @Override
        public Duration responseTimeout(ModelProfile profile) {
            return ACCEPT_TIMEOUT.plus(lineTime(ModelProfile.SEND_BUFFER_DEFAULT));
        }
    }

    /** Form D where supported: {@code AT+MIPSEND=<id>,0} sends an empty UDP datagram. */
    public record EmptyDatagram(int connectId) implements TcpIpForms.SetForm {

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPSEND;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            Params.connectId(profile, connectId);
            Params.require(profile, profile.send().udpEmptyPacket(), "the empty UDP datagram (AT+MIPSEND=<id>,0)");
            return CommandLine.set(NAME).number(connectId).number(0).encode();
        }
    }
}
