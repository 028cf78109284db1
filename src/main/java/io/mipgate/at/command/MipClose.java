package io.mipgate.at.command;

import io.mipgate.at.decode.ConnectionReport;
import io.mipgate.domain.CloseMode;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code AT+MIPCLOSE=<connect_id>[,<mode>]} (AT-REFERENCE §2.4). {@code OK} at once, then
 * {@code +MIPCLOSE: <connect_id>[,<ret_code>]}. Only families with a configurable mode (ML307G) accept {@code <mode>}.
 * The legacy ML302 / ML305 firmware answers {@code <id>,CLOSE OK} alone, once the connection is closed (FIELD-NOTES
 * §14).
 */
public record MipClose(int connectId, CloseMode mode) implements TcpIpForms.UrcResultForm {

    /** 2MSL on a common stack is 60–120 s; modes that wait for it may report that late. */
    private static final Duration TIME_WAIT_BUDGET = Duration.ofSeconds(150);
    private static final Duration CLOSE_BUDGET = Duration.ofSeconds(30);

    public static MipClose of(int connectId) {
        return new MipClose(connectId, null);
    }

    @Override
    public TcpIpCommand command() {
        return TcpIpCommand.MIPCLOSE;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        Params.connectId(profile, connectId);
        CommandLine line = CommandLine.set(name()).number(connectId);
        if (mode != null) {
            var modes = profile.close().configurableModes();
            Params.require(profile, modes.isPresent(), "AT+MIPCLOSE <mode>");
            line.number(Params.inRange(profile, "<mode>", mode.code(), modes.get()));
        }
        return line.encode();
    }

    @Override
    public ResponseShape response() {
        return ResponseShape.endedBy(ConnectionReport.CLOSE_OK);
    }

    /** Where the final result waits for the close itself, it may take as long as the close. */
    @Override
    public Duration responseTimeout(ModelProfile profile) {
        return profile.dialect().resultsEndCommands() ? closeBudget(profile) : DEFAULT_RESPONSE_TIMEOUT;
    }

    @Override
    public Optional<AsyncResult> asyncResult(ModelProfile profile) {
        return Optional.of(new AsyncResult("+MIPCLOSE", closeBudget(profile)));
    }

    private Duration closeBudget(ModelProfile profile) {
        CloseMode effective = mode != null ? mode : profile.close().effectiveMode();
        boolean waits2Msl = effective == CloseMode.TIME_WAIT || effective == CloseMode.GRACEFUL_TIME_WAIT;
        return waits2Msl ? TIME_WAIT_BUDGET : CLOSE_BUDGET;
    }

    @Override
    public String describe() {
        return "AT+MIPCLOSE=" + connectId + (mode == null ? "" : "," + mode.code());
    }
}
