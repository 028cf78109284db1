package io.mipgate.emulator.model;

/**
 * How the emulated firmware words the outcome of its TCP/IP commands and what arrives on a connection. The emulator's
 * own fact, kept apart from the driver's profiles.
 */
public enum Dialect {

    /** The manual V5.0.0: {@code +MIPOPEN:}, {@code +MIPSEND:} and OK, {@code "rtcp"}, {@code "rudp"}, "disconn". */
    V5_MANUAL,

    /**
     * The older output of ML302 / ML305 firmware that OneOS, RT-Thread and TobudOS drive (FIELD-NOTES §14):
     * {@code <id>,CONNECT OK|FAIL}, {@code <id>,SEND OK} in place of OK, {@code +MIPURC: "recv",<id>,<len>} CR LF and
     * the raw bytes, {@code +MIPURC: "STATE",<id>,<n>} with {@code <id>,CLOSED}, {@code <id>,CLOSE OK} in place of OK,
     * {@code +MDNSGIP: 0,"<name>","<ip>"...} or {@code +MDNSGIP: 1,<err>} before OK, and AT+VERCTRL?.
     */
    ML30X_LEGACY;

    /** The spelling of emulator options and command lines: {@code v5} or {@code legacy}. */
    public static Dialect parse(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "v5" -> V5_MANUAL;
            case "legacy" -> ML30X_LEGACY;
            default -> throw new IllegalArgumentException("dialect must be v5 or legacy: " + name);
        };
    }
}
