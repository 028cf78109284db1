package io.mipgate.at.command;

import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;

/** AT+MIPRD: read what a buffer-mode connection holds (AT-REFERENCE §2.6). */
public final class MipRd {

    private static final String NAME = "AT+MIPRD";

    private MipRd() {
    }

    /** {@code AT+MIPRD=<id>}: how many bytes (TCP) or packets (UDP) are buffered. */
    public record Query(int connectId) implements TcpIpForms.ConnectIdQuery {
        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPRD;
        }
    }

    /**
     * {@code AT+MIPRD=<id>,<read_len>} for TCP (bytes, 0 = everything) or {@code AT+MIPRD=<id>,<pack_count>} for UDP
     * (packets, 0 = every packet; single-packet families accept only 1).
     */
    public record Read(int connectId, int amount, boolean packets) implements TcpIpForms.SetForm {

        @Override
        public boolean carriesPayload() {
            return true;
        }

        public static Read bytes(int connectId, int length) {
            return new Read(connectId, length, false);
        }

        public static Read packets(int connectId, int count) {
            return new Read(connectId, count, true);
        }

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPRD;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            Params.connectId(profile, connectId);
            IntRange range = packets
                    ? (profile.receive().multiPacketRead() ? IntRange.of(0, profile.receive().maxCachedPackets()) : IntRange.of(1, 1))
                    : profile.receive().readLength();
            Params.inRange(profile, packets ? "<pack_count>" : "<read_len>", amount, range);
            return CommandLine.set(NAME).number(connectId).number(amount).encode();
        }

        /** A read answers up to the model's largest read, printed as HEX (two characters a byte) at worst. */
        @Override
        public Duration responseTimeout(ModelProfile profile) {
            long worstBytes = packets ? 65535L * 2 : 2L * Math.max(amount, profile.receive().readLength().max());
            return Duration.ofSeconds(10).plus(MipSend.lineTime(worstBytes));
        }
    }
}
