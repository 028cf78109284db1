package io.mipgate.at.command;

/** AT+MIPSTATE: connection states (AT-REFERENCE §2.8). */
public final class MipState {

    private MipState() {
    }

    /** {@code AT+MIPSTATE?}: one line per connect_id of the model's range. */
    public record Read() implements TcpIpForms.ReadForm {
        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPSTATE;
        }
    }

    /** {@code AT+MIPSTATE=<id>}. */
    public record Query(int connectId) implements TcpIpForms.ConnectIdQuery {
        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MIPSTATE;
        }
    }
}
