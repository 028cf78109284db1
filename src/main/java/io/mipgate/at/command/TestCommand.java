package io.mipgate.at.command;

import io.mipgate.domain.UnsupportedOnModelException;
import io.mipgate.at.model.ModelProfile;

/** {@code AT+<cmd>=?}: the parameter ranges of the model. */
public record TestCommand(TcpIpCommand command) implements AtCommand {

    @Override
    public String name() {
        return command.command();
    }

    @Override
    public Form form() {
        return Form.TEST;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        if (!command.hasTestForm()) {
            throw new UnsupportedOnModelException(command.command() + "=? (no test form)", profile.name());
        }
        if (command == TcpIpCommand.MIPSACK) {
            Params.require(profile, profile.sack(), "AT+MIPSACK");
        }
        return CommandLine.terminated(command.command() + "=?");
    }

    @Override
    public ResponseShape response() {
        return ResponseShape.lines(command.prefix());
    }
}
