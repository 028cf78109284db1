package io.mipgate.at.command;

import io.mipgate.at.decode.ConnectionReport;
import java.util.Set;

/**
 * What a command's answer looks like, so the decoder can tell its information lines from URCs that happen to arrive
 * at the same time (STYLE §4).
 *
 * @param informationPrefixes prefixes of information lines that belong to this command, e.g. {@code +MIPSTATE}
 * @param prompt              the module answers with the {@code >} data prompt before the final result
 * @param textLines           bare lines without a prefix belong to the answer (ATI, AT+CGMR, AT+CGSN)
 * @param endingReports       legacy {@code <id>,<words>} lines that end the command in place of its {@code OK}
 *                            (FIELD-NOTES §14)
 * @param promptLength        bytes announced for the {@code >} data mode, 0 when none are
 */
public record ResponseShape(Set<String> informationPrefixes, boolean prompt, boolean textLines,
                            Set<ConnectionReport> endingReports, int promptLength) {

    public static final ResponseShape FINAL_ONLY = new ResponseShape(Set.of(), false, false);
    public static final ResponseShape TEXT = new ResponseShape(Set.of(), false, true);

    public ResponseShape {
        informationPrefixes = Set.copyOf(informationPrefixes);
        endingReports = Set.copyOf(endingReports);
    }

    public ResponseShape(Set<String> informationPrefixes, boolean prompt, boolean textLines) {
        this(informationPrefixes, prompt, textLines, Set.of(), 0);
    }

    public static ResponseShape lines(String prefix) {
        return new ResponseShape(Set.of(prefix), false, false);
    }

    public static ResponseShape prompted(String prefix) {
        return new ResponseShape(Set.of(prefix), true, false);
    }

    /** A {@code >} data mode of {@code length} bytes, ended by {@code OK} or by the legacy send reports. */
    public static ResponseShape prompted(String prefix, int length) {
        return new ResponseShape(Set.of(prefix), true, false,
                Set.of(ConnectionReport.SEND_OK, ConnectionReport.SEND_FAIL), length);
    }

    /** No information lines; the final result is {@code OK} or one of these legacy reports. */
    public static ResponseShape endedBy(ConnectionReport... reports) {
        return new ResponseShape(Set.of(), false, false, Set.of(reports), 0);
    }
}
