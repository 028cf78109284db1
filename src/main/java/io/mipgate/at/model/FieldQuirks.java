package io.mipgate.at.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How one family's real firmware behaves where the manual is silent or wrong, as data the driver copes with
 * (FIELD-NOTES). The values per family are in {@link ModelProfiles}, each with its source.
 *
 * @param commandLineChars        longest AT command line (without its CR) the firmware accepts
 * @param sendRefusedMeansGone    CME codes of AT+MIPSEND meaning the connection no longer exists
 * @param firstDnsRetryCodes      CME codes of the first AT+MDNSGIP after boot that call for a retry
 * @param firstDnsRetries         how many times that first lookup is retried
 * @param closeMeansAlreadyClosed CME codes of AT+MIPCLOSE meaning the id is not open, i.e. already closed
 * @param noBlankAfterColon       responses are printed {@code +CEREG:5,...}, without the manual's blank
 * @param promptWait              how long the module waits for the bytes after the {@code >} prompt (the default of
 *                                {@code <send_timeout>}); zero where the family has no {@code >} mode
 */
public record FieldQuirks(int commandLineChars, Set<Integer> sendRefusedMeansGone, Set<Integer> firstDnsRetryCodes,
                          int firstDnsRetries, Set<Integer> closeMeansAlreadyClosed, boolean noBlankAfterColon,
                          Duration promptWait) {

    /** {@code AT+MIPSEND=<id>,<len>,"<data>"} without the length digits and the data: ids are one digit (0~5). */
    private static final int INLINE_HEX_FIXED_CHARS = "AT+MIPSEND=0,,\"\"".length();

    public FieldQuirks {
        sendRefusedMeansGone = Set.copyOf(sendRefusedMeansGone);
        firstDnsRetryCodes = Set.copyOf(firstDnsRetryCodes);
        closeMeansAlreadyClosed = Set.copyOf(closeMeansAlreadyClosed);
        Objects.requireNonNull(promptWait, "promptWait");
    }

    /**
     * The largest payload whose inline HEX line {@code AT+MIPSEND=<id>,<len>,"<hex>"} fits in
     * {@link #commandLineChars()}, and never more than the manual's inline limit of 1460 bytes.
     */
    public int inlineHexMaxBytes() {
        return inlineMaxBytes(2, 0);
    }

    /**
     * The largest payload an inline {@code AT+MIPSEND=<id>,<len>,"<data>"[,<rai>,<seq>]} carries within
     * {@link #commandLineChars()}, never more than the manual's 1460 bytes.
     *
     * @param charsPerByte  1 for ASCII, 2 for HEX
     * @param trailingChars characters after the data, e.g. {@code ,<rai>,<seq>} (at most 6)
     */
    public int inlineMaxBytes(int charsPerByte, int trailingChars) {
        int room = commandLineChars - INLINE_HEX_FIXED_CHARS - trailingChars;
        int bytes = Math.max(0, Math.min(ModelProfile.INLINE_SEND_LENGTH.max(), room / charsPerByte));
        while (bytes > 0 && Integer.toString(bytes).length() + charsPerByte * bytes > room) {
            bytes--; // the length field's own digits did not fit
        }
        return bytes;
    }
}
