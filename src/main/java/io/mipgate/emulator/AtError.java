package io.mipgate.emulator;

/** A command's failure: bare {@code ERROR} or {@code +CME ERROR: <code>} (rendered per AT+CMEE). */
final class AtError extends RuntimeException {

    static final int BAD_PARAMETERS = 50;

    private final int code;

    private AtError(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    /** Bare {@code ERROR}: unknown command or form (FIELD §3). */
    static AtError plain() {
        return new AtError(-1);
    }

    static AtError cme(int code) {
        return new AtError(code);
    }

    static AtError badParameters() {
        return new AtError(BAD_PARAMETERS);
    }

    /** The CME code, or -1 for a bare ERROR. */
    int code() {
        return code;
    }
}
