package io.mipgate.at.decode;

import io.mipgate.domain.ModuleErrorCode;
import java.util.List;
import java.util.OptionalInt;

/**
 * The grammar of the legacy {@code <id>,<words>} lines (FIELD-NOTES §14) and what each means in the events the
 * worker already knows: an open result, a send report, a close result, a disconnect. Where the line answers the
 * command in flight in place of its {@code OK}, the command's final result follows the typed event.
 *
 * @param id     the connect id
 * @param report which line it is
 */
record ConnectionReportLine(int id, ConnectionReport report) {

    /**
     * The open result a {@code CONNECT FAIL} stands for: the line gives no cause, and "socket connection failed" is
     * the manual's code for a failure the module cannot name (AT-REFERENCE §4).
     */
    static final int CONNECT_FAIL_RESULT = ModuleErrorCode.SOCKET_CONNECT_FAILED.code();
    /** {@code +MIPURC: "STATE"} and {@code CLOSED} share "disconn"'s state numbers; CLOSED is the peer's close. */
    static final int CLOSED_BY_PEER = 1;

    /** The line as a report, or null: digits, a comma, an optional blank (SIMCom-style firmware prints one), words. */
    static ConnectionReportLine parse(String line) {
        int comma = line.indexOf(',');
        if (comma < 1 || comma > 2) {
            return null;
        }
        for (int i = 0; i < comma; i++) {
            if (line.charAt(i) < '0' || line.charAt(i) > '9') {
                return null;
            }
        }
        ConnectionReport report = ConnectionReport.ofWords(line.substring(comma + 1).strip());
        return report == null ? null : new ConnectionReportLine(Integer.parseInt(line, 0, comma, 10), report);
    }

    /** The events of this line, given the expectation of the command in flight (null when none is). */
    List<AtEvent> events(ResponseExpectation expectation, String line) {
        boolean ends = expectation != null && expectation.endingReports().contains(report);
        return switch (report) {
            case CONNECT_OK -> List.of(new Urc.MipOpenResult(id, 0));
            case CONNECT_FAIL -> List.of(new Urc.MipOpenResult(id, CONNECT_FAIL_RESULT));
            case SEND_OK -> !ends ? List.of(stray(line))
                    : expectation.promptLength() > 0
                    ? List.of(new Information.MipSendLine(id, expectation.promptLength()), new FinalResult.Ok())
                    : List.of(new FinalResult.Ok());
            case SEND_FAIL -> ends ? List.of(new FinalResult.Error()) : List.of(stray(line));
            case CLOSE_OK -> ends ? List.of(new Urc.MipCloseResult(id, OptionalInt.empty()), new FinalResult.Ok())
                    : List.of(new Urc.MipCloseResult(id, OptionalInt.empty()));
            case CLOSED -> List.of(new Urc.Disconnected(id, CLOSED_BY_PEER));
        };
    }

    /** A send report with no send in flight: a late one of a command already given up; nothing to act on. */
    private Urc stray(String line) {
        return new Urc.OtherUrc(report.words(), line);
    }
}
