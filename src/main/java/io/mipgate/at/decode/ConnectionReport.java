package io.mipgate.at.decode;

/**
 * The bare {@code <id>,<words>} lines of the older ML302 / ML305 dialect (FIELD-NOTES §14), e.g. {@code 0,CONNECT OK}.
 * Some of them stand in for the {@code OK} of the command they answer; a command lists those in its
 * {@link ResponseExpectation#endingReports()}.
 */
public enum ConnectionReport {
    /** The open succeeded (after the {@code OK} of AT+MIPOPEN). */
    CONNECT_OK("CONNECT OK"),
    /** The open failed. */
    CONNECT_FAIL("CONNECT FAIL"),
    /** The prompted bytes went out: ends AT+MIPSEND, no {@code OK} follows. */
    SEND_OK("SEND OK"),
    /** The prompted bytes could not be sent: ends AT+MIPSEND as an error. */
    SEND_FAIL("SEND FAIL"),
    /** The connection is closed: ends AT+MIPCLOSE, no {@code OK} follows. */
    CLOSE_OK("CLOSE OK"),
    /** The peer closed the connection, or the module lost it. */
    CLOSED("CLOSED");

    private final String words;

    ConnectionReport(String words) {
        this.words = words;
    }

    /** The words after {@code <id>,} as the module prints them. */
    public String words() {
        return words;
    }

    static ConnectionReport ofWords(String text) {
        for (ConnectionReport report : values()) {
            if (report.words.equals(text)) {
                return report;
            }
        }
        return null;
    }
}
