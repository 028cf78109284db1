package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;

/** {@code AT+MIPSACK=<id>} → {@code +MIPSACK: <sent>,<acked>,<nack>,<received>} (AT-REFERENCE §2.9). */
public record MipSack(int connectId) implements AtCommand {

    @Override
    public String name() {
        return "AT+MIPSACK";
    }

    @Override
    public Form form() {
        return Form.SET;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        Params.require(profile, profile.sack(), "AT+MIPSACK");
        return CommandLine.set(name()).number(Params.connectId(profile, connectId)).encode();
    }

    @Override
    public ResponseShape response() {
        return ResponseShape.lines("+MIPSACK");
    }
}
