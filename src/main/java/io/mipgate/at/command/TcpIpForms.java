package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;

/** The shapes most TCP/IP commands share, so each record states only what is its own. */
final class TcpIpForms {

    private TcpIpForms() {
    }

    /** {@code AT+<cmd>=...}, answered by information lines with the command's own prefix. */
    interface SetForm extends AtCommand {

        TcpIpCommand command();

        @Override
        default String name() {
            return command().command();
        }

        @Override
        default Form form() {
            return Form.SET;
        }

        @Override
        default ResponseShape response() {
            return ResponseShape.lines(command().prefix());
        }
    }

    /** A set form answered by a bare {@code OK}; its result comes later as a URC (AT+MIPOPEN, AT+MPING, ...). */
    interface UrcResultForm extends SetForm {

        @Override
        default ResponseShape response() {
            return ResponseShape.FINAL_ONLY;
        }
    }

    /** {@code AT+<cmd>?}: the current values, one line each. */
    interface ReadForm extends SetForm {

        @Override
        default Form form() {
            return Form.READ;
        }

        @Override
        default byte[] encode(ModelProfile profile) {
            return CommandLine.terminated(command().command() + "?");
        }
    }

    /** {@code AT+<cmd>=<connect_id>}: the query forms that take only the instance. */
    interface ConnectIdQuery extends SetForm {

        int connectId();

        @Override
        default byte[] encode(ModelProfile profile) {
            return CommandLine.set(command().command()).number(Params.connectId(profile, connectId())).encode();
        }
    }
}
