package io.mipgate.domain;

/** {@code <recv_format>} of AT+MIPCFG="encoding": how received data is printed in +MIPURC and +MIPRD. */
public enum RecvFormat {
    ASCII(0),
    HEX(1);

    private final int code;

    RecvFormat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RecvFormat ofCode(int code) {
        for (RecvFormat format : values()) {
            if (format.code == code) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown recv_format " + code);
    }
}
