package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;

/** AT+MIPTKA: TCP keep-alive per instance (AT-REFERENCE §2.2). */
public final class MipTka {

    private static final String NAME = "AT+MIPTKA";

    private MipTka() {
    }

    /** {@code AT+MIPTKA?}: one line per instance. */
    public record Read() implements TcpIpForms.ReadForm {
        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPTKA;
        }
    }

    /** {@code AT+MIPTKA=<connect_id>}: the settings of one instance. */
    public record Query(int connectId) implements TcpIpForms.ConnectIdQuery {
        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPTKA;
        }
    }

    /**
     * {@code AT+MIPTKA=<connect_id>,<keepalive>[,<keepidle>[,<keepinterval>[,<keepcount>]]]}; unset trailing values
     * are omitted and the module keeps its own.
     */
    public record Set(int connectId, boolean enabled, Integer keepIdle, Integer keepInterval, Integer keepCount)
            implements TcpIpForms.SetForm {

        public static Set disable(int connectId) {
            return new Set(connectId, false, null, null, null);
        }

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPTKA;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            if (keepIdle == null && (keepInterval != null || keepCount != null)
                    || keepInterval == null && keepCount != null) {
                throw new io.mipgate.domain.InvalidParameterException("<keepidle>/<keepinterval>", "missing",
                        "later values only after the earlier ones", null);
            }
            return CommandLine.set(NAME)
                    .number(Params.connectId(profile, connectId))
                    .number(enabled ? 1 : 0)
                    .number(Params.optionalInRange(profile, "<keepidle>", keepIdle, ModelProfile.KEEPIDLE))
                    .number(Params.optionalInRange(profile, "<keepinterval>", keepInterval, ModelProfile.KEEPINTERVAL))
                    .number(Params.optionalInRange(profile, "<keepcount>", keepCount, ModelProfile.KEEPCOUNT))
                    .encode();
        }

        @Override
        public String describe() {
            return NAME + "=" + connectId + "," + (enabled ? 1 : 0);
        }
    }
}
