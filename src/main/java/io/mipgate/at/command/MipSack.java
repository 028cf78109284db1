package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;

/** {@code AT+MIPSACK=<id>} → {@code +MIPSACK: <sent>,<acked>,<nack>,<received>} (AT-REFERENCE §2.9). */
public record MipSack(int connectId) implements TcpIpForms.ConnectIdQuery {

    @Override
    public TcpIpCommand command() {
        return TcpIpCommand.MIPSACK;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        Params.require(profile, profile.sack(), "AT+MIPSACK");
        return TcpIpForms.ConnectIdQuery.super.encode(profile);
    }
}
