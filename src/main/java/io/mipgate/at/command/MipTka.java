package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;

/** AT+MIPTKA: TCP keep-alive per instance (AT-REFERENCE §2.2). */
public final class MipTka {

    private static final String NAME = "AT+MIPTKA";
    private static final String PREFIX = "+MIPTKA";

    private MipTka() {
    }

    /** {@code AT+MIPTKA?}: one line per instance. */
    public record Read() implements AtCommand {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Form form() {
            return Form.READ;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated(NAME + "?");
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.lines(PREFIX);
        }
    }

    /** {@code AT+MIPTKA=<connect_id>}: the settings of one instance. */
    public record Query(int connectId) implements AtCommand {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Form form() {
            return Form.SET;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.set(NAME).number(Params.connectId(profile, connectId)).encode();
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.lines(PREFIX);
        }
    }

    /**
     * {@code AT+MIPTKA=<connect_id>,<keepalive>[,<keepidle>[,<keepinterval>[,<keepcount>]]]}; unset trailing values
     * are omitted and the module keeps its own.
     */
    public record Set(int connectId, boolean enabled, Integer keepIdle, Integer keepInterval, Integer keepCount)
            implements AtCommand {

        public static Set disable(int connectId) {
            return new Set(connectId, false, null, null, null);
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Form form() {
            return Form.SET;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            if (keepIdle == null && (keepInterval != null || keepCount != null)
                    || keepInterval == null && keepCount != null) {
                throw new io.mipgate.at.InvalidParameterException("<keepidle>/<keepinterval>", "missing",
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
