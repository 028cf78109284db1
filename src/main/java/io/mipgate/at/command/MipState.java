package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;

/** AT+MIPSTATE: connection states (AT-REFERENCE §2.8). */
public final class MipState {

    private static final String NAME = "AT+MIPSTATE";
    private static final String PREFIX = "+MIPSTATE";

    private MipState() {
    }

    /** {@code AT+MIPSTATE?}: one line per connect_id of the model's range. */
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

    /** {@code AT+MIPSTATE=<id>}. */
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
}
