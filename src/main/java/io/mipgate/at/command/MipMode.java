package io.mipgate.at.command;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** AT+MIPMODE: query or switch the access mode of an open connection (AT-REFERENCE §2.7). */
public final class MipMode {

    private static final String NAME = "AT+MIPMODE";

    private MipMode() {
    }

    /** {@code AT+MIPMODE=<id>} → {@code +MIPMODE: <id>,<access_mode>}. */
    public record Query(int connectId) implements TcpIpForms.ConnectIdQuery {
        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPMODE;
        }
    }

    /**
     * {@code AT+MIPMODE=<id>,<access_mode>[,<packet_size>,<waittm>]}. Switching a buffer mode to normal makes the
     * module print the buffered data as {@code +MIPRD:} lines; switching to transparent answers {@code OK} then
     * {@code CONNECT}. {@code <waittm>} is configurable on no Cat.1 family (fn 31), so it is refused where given.
     */
    public record Set(int connectId, AccessMode mode, Integer packetSize, Integer waitMillis)
            implements TcpIpForms.SetForm {

        public Set {
            Objects.requireNonNull(mode, "mode");
        }

        public static Set to(int connectId, AccessMode mode) {
            return new Set(connectId, mode, null, null);
        }

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPMODE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            Params.connectId(profile, connectId);
            if (mode == AccessMode.TRANSPARENT) {
                Params.require(profile, profile.transparent(), "transparent access mode");
            }
            if ((packetSize != null || waitMillis != null) && mode != AccessMode.TRANSPARENT) {
                throw new InvalidParameterException("<packet_size>/<waittm>", "given",
                        "only with access_mode 1 (transparent)", null);
            }
            if (waitMillis != null && packetSize == null) {
                throw new InvalidParameterException("<packet_size>", "missing", "given together with <waittm>", null);
            }
            Params.optionalInRange(profile, "<packet_size>", packetSize, ModelProfile.PACKET_SIZE);
            if (waitMillis != null) {
                // Only Cat.1 families have transparent mode, and none of them lets <waittm> be set (fn 31).
                Params.inRange(profile, "<waittm>", waitMillis, ModelProfile.WAITTM);
                Params.require(profile, false, "<waittm> (fn 31: not configurable)");
            }
            return CommandLine.set(NAME).number(connectId).number(mode.code()).number(packetSize).number(waitMillis)
                    .encode();
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.lines("+MIPRD");
        }

        /** Leaving a buffer mode flushes the whole buffer (up to a TCP window) through the line. */
        @Override
        public Duration responseTimeout(ModelProfile profile) {
            return mode == AccessMode.NORMAL
                    ? Duration.ofSeconds(10).plus(MipSend.lineTime(2L * profile.receive().tcpWindow()))
                    : DEFAULT_RESPONSE_TIMEOUT;
        }

        @Override
        public Optional<AsyncResult> asyncResult(ModelProfile profile) {
            return mode == AccessMode.TRANSPARENT
                    ? Optional.of(new AsyncResult("CONNECT", Duration.ofSeconds(10)))
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return NAME + "=" + connectId + "," + mode.code();
        }
    }
}
