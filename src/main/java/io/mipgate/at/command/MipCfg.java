package io.mipgate.at.command;

import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import java.util.Objects;

/**
 * AT+MIPCFG: per-instance configuration (AT-REFERENCE §2.1). One record per form; every option is refused on the
 * families whose footnotes exclude it.
 */
public final class MipCfg {

    private static final String NAME = "AT+MIPCFG";

    private MipCfg() {
    }

    /** Common shape of the set forms: option, connect_id, values. */
    public sealed interface Setting extends TcpIpForms.SetForm
            permits Cid, Encoding, SendTimeout, AutoFree, SendBuffer, ReceiveBuffer, AckMode, Ssl {

        MipCfgOption option();

        int connectId();

        @Override
        default TcpIpCommand command() {
            return TcpIpCommand.MIPCFG;
        }

        @Override
        default String describe() {
            return NAME + "=\"" + option().wireName() + "\"," + connectId();
        }
    }

    /** {@code AT+MIPCFG="<cmd>"} (every created instance) or {@code AT+MIPCFG="<cmd>",<connect_id>}. */
    public record Query(MipCfgOption option, Integer connectId) implements TcpIpForms.SetForm {
        public Query {
            Objects.requireNonNull(option, "option");
        }

        public static Query all(MipCfgOption option) {
            return new Query(option, null);
        }

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPCFG;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            requireOption(profile, option);
            CommandLine line = CommandLine.set(NAME).quoted(option.wireName());
            if (connectId != null) {
                line.number(Params.connectId(profile, connectId));
            }
            return line.encode();
        }
    }

    /** {@code "cid"}: the PDP context the instance uses. */
    public record Cid(int connectId, int cid) implements Setting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.CID;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return setLine(profile, this).number(Params.inRange(profile, "<cid>", cid, ModelProfile.PDP_CID)).encode();
        }
    }

    /** {@code "encoding"}: inline send format and receive format, always given together. */
    public record Encoding(int connectId, SendFormat sendFormat, RecvFormat recvFormat) implements Setting {
        public Encoding {
            Objects.requireNonNull(sendFormat, "sendFormat");
            Objects.requireNonNull(recvFormat, "recvFormat");
        }

        @Override
        public MipCfgOption option() {
            return MipCfgOption.ENCODING;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return setLine(profile, this).number(sendFormat.code()).number(recvFormat.code()).encode();
        }
    }

    /** {@code "timeout"}: seconds allowed for typing data after the {@code >} prompt. */
    public record SendTimeout(int connectId, int seconds) implements Setting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.TIMEOUT;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            CommandLine line = setLine(profile, this);
            IntRange range = profile.send().sendTimeout().orElseThrow();
            return line.number(Params.inRange(profile, "<send_timeout>", seconds, range)).encode();
        }
    }

    /** {@code "autofree"}: whether an abnormal disconnection frees the instance by itself (0) or waits for AT+MIPCLOSE (1). */
    public record AutoFree(int connectId, boolean hostReleases) implements Setting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.AUTOFREE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return setLine(profile, this).number(hostReleases ? 1 : 0).encode();
        }
    }

    /** {@code "sndbuf"}: documented, but no family lets it be set (fn 1, fn 6); kept so the refusal is explicit. */
    public record SendBuffer(int connectId, int bytes) implements Setting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.SNDBUF;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            CommandLine line = setLine(profile, this);
            return line.number(Params.inRange(profile, "<send_buffer>", bytes, ModelProfile.SEND_BUFFER)).encode();
        }
    }

    /**
     * {@code "rcvbuf"}: the receive buffer of buffer modes. Only UDP honours it; the range is the model's UDP range
     * (fn 7). It must be set before the connection opens; the worker enforces that, the module refuses it otherwise.
     */
    public record ReceiveBuffer(int connectId, int bytes) implements Setting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.RCVBUF;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            CommandLine line = setLine(profile, this);
            IntRange range = profile.receive().udpRcvbuf().orElse(IntRange.of(1, 65535));
            return line.number(Params.inRange(profile, "<recv_buffer>", bytes, range)).encode();
        }
    }

    /** {@code "ackmode"}: report TCP ACKs with {@code +MIPURC: "ack"}. */
    public record AckMode(int connectId, boolean enabled) implements Setting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.ACKMODE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return setLine(profile, this).number(enabled ? 1 : 0).encode();
        }
    }

    /** {@code "ssl"}: TLS switch and SSL context id, always given together. */
    public record Ssl(int connectId, boolean enabled, int sslId) implements Setting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.SSL;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return setLine(profile, this).number(enabled ? 1 : 0)
                    .number(Params.inRange(profile, "<ssl_id>", sslId, ModelProfile.SSL_ID)).encode();
        }
    }

    private static CommandLine setLine(ModelProfile profile, Setting setting) {
        requireOption(profile, setting.option());
        return CommandLine.set(NAME).quoted(setting.option().wireName())
                .number(Params.connectId(profile, setting.connectId()));
    }

    private static void requireOption(ModelProfile profile, MipCfgOption option) {
        Params.require(profile, profile.supports(option), "AT+MIPCFG=\"" + option.wireName() + "\"");
    }

}
