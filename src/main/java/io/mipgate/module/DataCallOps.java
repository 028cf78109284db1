package io.mipgate.module;

import io.mipgate.at.command.DataCall;
import io.mipgate.at.decode.Information;
import io.mipgate.domain.ModuleErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data call of PDP context 1 (FIELD-NOTES §5): read with {@code AT+MIPCALL?}, brought up with
 * {@code AT+MIPCALL=1,1} (after {@code AT+CGDCONT} when an APN is configured, else the SIM's APN is used) and taken
 * down with {@code AT+MIPCALL=0,1}. Runs inside jobs on the module's worker; what it learns is kept in the
 * {@link ModuleState}.
 */
final class DataCallOps {

    private static final Logger log = LoggerFactory.getLogger(DataCallOps.class);
    private static final int CID = DataCallState.DEFAULT_CID;

    private final WorkerContext context;

    DataCallOps(WorkerContext context) {
        this.context = context;
    }

    private String apn() {
        return context.settings.apn();
    }

    /**
     * NB firmware has no field evidence of AT+MIPCALL (FIELD-NOTES §15): it is driven with the 3GPP commands
     * AT+CGACT / AT+CGPADDR; Cat.1 with AT+MIPCALL as ML307 drivers do (FIELD-NOTES §5).
     */
    private DataCall.Verb verb() {
        return context.state.profile().family().isNb() ? DataCall.Verb.CGACT : DataCall.Verb.MIPCALL;
    }

    /** Reads the context: {@code +MIPCALL: <cid>,1,"<ip>"} when up, a bare {@code OK} when down. */
    DataCallState read() {
        DataCallState state = verb() == DataCall.Verb.CGACT ? read3gpp() : readMipCall();
        context.state.dataCall(state);
        return state;
    }

    private DataCallState readMipCall() {
        var lines = context.exec(new DataCall.State(DataCall.Verb.MIPCALL)).orThrow(context.id, "AT+MIPCALL?")
                .lines(Information.GenericInfo.class);
        return lines.stream()
                .filter(line -> line.prefix().equals("+MIPCALL") && line.fields().size() >= 2
                        && line.fields().get(0).strip().equals(String.valueOf(CID)))
                .findFirst()
                .map(line -> new DataCallState(CID, true, line.fields().get(1).strip().equals("1"),
                        line.fields().size() > 2 ? line.fields().get(2).strip() : null, apn()))
                .orElse(new DataCallState(CID, true, false, null, apn()));
    }

    private DataCallState read3gpp() {
        boolean active = context.exec(new DataCall.State(DataCall.Verb.CGACT)).orThrow(context.id, "AT+CGACT?")
                .lines(Information.GenericInfo.class).stream()
                .anyMatch(line -> line.prefix().equals("+CGACT") && line.fields().size() >= 2
                        && line.fields().get(0).strip().equals(String.valueOf(CID))
                        && line.fields().get(1).strip().equals("1"));
        String address = !active ? null : context.exec(new DataCall.Address(CID)).orThrow(context.id, "AT+CGPADDR")
                .lines(Information.GenericInfo.class).stream()
                .filter(line -> line.prefix().equals("+CGPADDR") && line.fields().size() >= 2)
                .map(line -> line.fields().get(1).strip()).findFirst().orElse(null);
        return new DataCallState(CID, true, active, address, apn());
    }

    /**
     * Brings the context up unless it is; a {@code +CME ERROR: 50} to the activation means it already was
     * (FIELD-NOTES §5). Refusals (571 activation failed, 575 no APN, ...) are thrown as {@link ModuleException}.
     */
    DataCallState activate() {
        context.state.dataCallHeldDown(false);
        if (read().active()) {
            return context.state.dataCall();
        }
        if (apn() != null) {
            context.exec(new DataCall.Context(CID, "IPV4V6", apn())).orThrow(context.id, "AT+CGDCONT");
        }
        ExchangeResult answer = context.exec(new DataCall.Activate(verb(), true, CID));
        if (!answer.ok() && !Integer.valueOf(ModuleErrorCode.INCORRECT_PARAMETERS.code()).equals(answer.errorCode())) {
            answer.orThrow(context.id, "activate PDP context " + CID);
        }
        DataCallState state = read();
        log.info("module={} data call cid={} active={} address={}", context.id, CID, state.active(), state.address());
        return state;
    }

    /** Takes the context down; every connection ends with {@code "disconn"} state 3. */
    DataCallState deactivate() {
        context.state.dataCallHeldDown(true);
        context.exec(new DataCall.Activate(verb(), false, CID)).orThrow(context.id, "deactivate PDP context " + CID);
        return read();
    }
}
