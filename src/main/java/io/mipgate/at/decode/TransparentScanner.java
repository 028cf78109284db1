package io.mipgate.at.decode;

/**
 * Transparent-mode byte pump: everything is data except two exit markers, which are matched across chunk
 * boundaries. A partial marker at the end of a chunk is held back (the lookbehind is at most one marker long and is
 * never stored: it is a prefix of a known marker) and becomes data only once the match fails.
 * <ul>
 * <li>{@code CR LF OK CR LF}, armed by {@link #armEscape()} once the worker has written {@code +++};</li>
 * <li>{@code CR LF +MIPURC: "disconn",} at any time: the module dropped out of transparent mode itself.</li>
 * </ul>
 */
final class TransparentScanner {

    static final int NO_MARKER = 0;
    static final int ESCAPE_OK = 1;
    static final int DISCONNECTED = 2;

    static final byte[] OK_MARKER = MipUrcParser.ascii("\r\nOK\r\n");
    static final byte[] DISCONN_MARKER = MipUrcParser.ascii("\r\n+MIPURC: \"disconn\",");

    private final ByteRun data = new ByteRun(256);
    private boolean escapeArmed;
    /** Bytes of a marker matched so far (held back from the data). */
    private int held;
    /** The marker being matched once the third byte has told them apart; null before. */
    private byte[] candidate;
    private int marker;

    void armEscape() {
        escapeArmed = true;
    }

    void reset() {
        data.clear();
        escapeArmed = false;
        held = 0;
        candidate = null;
        marker = NO_MARKER;
    }

    /** Data collected since the last {@link #takeData()}. */
    ByteRun data() {
        return data;
    }

    byte[] takeData() {
        byte[] bytes = data.toArray();
        data.clear();
        return bytes;
    }

    /** The marker completed by the last {@link #scan}, {@link #NO_MARKER} if it stopped for lack of input. */
    int marker() {
        return marker;
    }

    /** Consumes bytes from {@code pos}; stops right after a complete marker. Returns the index after the last byte used. */
    int scan(byte[] bytes, int pos, int end) {
        marker = NO_MARKER;
        int i = pos;
        while (i < end) {
            if (held == 0) {
                int cr = i;
                while (cr < end && bytes[cr] != '\r') {
                    cr++;
                }
                data.add(bytes, i, cr);
                if (cr == end) {
                    return end;
                }
                held = 1;
                i = cr + 1;
                continue;
            }
            marker = push(bytes[i++]);
            if (marker != NO_MARKER) {
                if (marker == ESCAPE_OK) {
                    escapeArmed = false;
                }
                return i;
            }
        }
        return end;
    }

    private int push(byte b) {
        if (held == 0) {
            if (b == '\r') {
                held = 1;
            } else {
                data.add(b);
            }
            return NO_MARKER;
        }
        boolean matches;
        if (held == 1) {
            matches = b == '\n';
        } else if (held == 2) {
            candidate = escapeArmed && b == 'O' ? OK_MARKER : b == '+' ? DISCONN_MARKER : null;
            matches = candidate != null;
        } else {
            matches = b == candidate[held];
        }
        if (matches) {
            held++;
            if (candidate != null && held == candidate.length) {
                held = 0;
                int found = candidate == OK_MARKER ? ESCAPE_OK : DISCONNECTED;
                candidate = null;
                return found;
            }
            return NO_MARKER;
        }
        // The held prefix is not a marker: its first byte is data; the rest may start another match.
        byte[] prefix = candidate != null ? candidate : OK_MARKER;
        int count = held;
        held = 0;
        candidate = null;
        data.add(prefix[0]);
        for (int k = 1; k < count; k++) {
            push(prefix[k]); // shorter than any marker: cannot complete one
        }
        return push(b);
    }
}
