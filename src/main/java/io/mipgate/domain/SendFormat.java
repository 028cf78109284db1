package io.mipgate.domain;

/** {@code <send_format>} of AT+MIPCFG="encoding": how inline AT+MIPSEND data is typed. */
public enum SendFormat {
    ASCII(0),
    HEX(1),
    ESCAPED(2);

    private final int code;

    SendFormat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static SendFormat ofCode(int code) {
        for (SendFormat format : values()) {
            if (format.code == code) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown send_format " + code);
    }
}
