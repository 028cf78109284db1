package io.mipgate.domain;

/** {@code <mode>} of AT+MIPCLOSE (AT-REFERENCE §2.4.2). */
public enum CloseMode {
    /** Wait for the send buffer, then close; no 2MSL wait. */
    GRACEFUL(0),
    /** Close at once, dropping unsent data. */
    IMMEDIATE(1),
    /** Do not wait for the send buffer; release after 2MSL. */
    TIME_WAIT(2),
    /** Send RST, then close. */
    RESET(3),
    /** Wait for the send buffer, then 2MSL. */
    GRACEFUL_TIME_WAIT(4);

    private final int code;

    CloseMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CloseMode ofCode(int code) {
        for (CloseMode mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown close mode " + code);
    }
}
