package io.mipgate.at.decode;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the command in flight may answer before its final result, so that the decoder can tell its information lines
 * from URCs that share a prefix (STYLE §4).
 *
 * @param command             the command as written, for logs ({@code "+MIPSTATE"}, {@code "ATI"},
 *                            {@code "AT+MIPOPEN=?"}); a command ending in {@code =?} makes every expected line a
 *                            {@link Information.TestLine}
 * @param informationPrefixes prefixes such as {@code "+MIPSTATE"} (a trailing colon is ignored)
 * @param prompt              AT+MIPSEND in prompt form: a {@code >} at a line start is the data prompt
 * @param textLines           bare lines are answers (ATI, AT+CGMR, AT+CGSN)
 * @param endingReports       legacy {@code <id>,<words>} lines that end the command in place of its {@code OK}
 *                            (FIELD-NOTES §14)
 * @param promptLength        the byte count a prompted send announced, 0 when it announced none: the legacy
 *                            {@code <id>,SEND OK} reports no count, it confirms the announced one
 */
public record ResponseExpectation(String command, Set<String> informationPrefixes, boolean prompt, boolean textLines,
                                  Set<ConnectionReport> endingReports, int promptLength) {

    public ResponseExpectation {
        Objects.requireNonNull(command, "command");
        endingReports = Set.copyOf(endingReports);
        Set<String> normalised = new HashSet<>();
        for (String prefix : informationPrefixes) {
            normalised.add(prefix.endsWith(":") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        informationPrefixes = Set.copyOf(normalised);
    }

    public ResponseExpectation(String command, Set<String> informationPrefixes, boolean prompt, boolean textLines) {
        this(command, informationPrefixes, prompt, textLines, Set.of(), 0);
    }

    /** A command answered by {@code +XXX:} lines with these prefixes (possibly none) and a final result. */
    public static ResponseExpectation of(String command, String... informationPrefixes) {
        return new ResponseExpectation(command, Set.of(informationPrefixes), false, false);
    }

    /** AT+MIPSEND in prompt form: {@code >}, then {@code +MIPSEND:} and {@code OK}. */
    public static ResponseExpectation prompt(String command) {
        return new ResponseExpectation(command, Set.of("+MIPSEND"), true, false);
    }

    /**
     * AT+MIPSEND=<id>,<length> as either dialect answers it: {@code >}, then {@code +MIPSEND:} and {@code OK}, or
     * {@code <id>,SEND OK} / {@code <id>,SEND FAIL}.
     */
    public static ResponseExpectation prompt(String command, int length) {
        return new ResponseExpectation(command, Set.of("+MIPSEND"), true, false,
                Set.of(ConnectionReport.SEND_OK, ConnectionReport.SEND_FAIL), length);
    }

    /** A command answered by bare text lines (and possibly {@code +XXX:} lines with these prefixes). */
    public static ResponseExpectation text(String command, String... informationPrefixes) {
        return new ResponseExpectation(command, Set.of(informationPrefixes), false, true);
    }

    public boolean expects(String prefix) {
        return informationPrefixes.contains(prefix);
    }

    /** Whether the command is a test command ({@code AT+XXX=?}), whose every expected line is a range list. */
    public boolean isTestCommand() {
        return command.endsWith("=?");
    }
}
