package io.mipgate.domain;

/** The {@code <cmd>} selectors of AT+MIPCFG (AT-REFERENCE §2.1). */
public enum MipCfgOption {
    CID("cid"),
    ENCODING("encoding"),
    TIMEOUT("timeout"),
    AUTOFREE("autofree"),
    SNDBUF("sndbuf"),
    RCVBUF("rcvbuf"),
    ACKMODE("ackmode"),
    SSL("ssl");

    private final String wireName;

    MipCfgOption(String wireName) {
        this.wireName = wireName;
    }

    /** The quoted selector without quotes, e.g. {@code encoding}. */
    public String wireName() {
        return wireName;
    }

    public static MipCfgOption ofWireName(String name) {
        for (MipCfgOption option : values()) {
            if (option.wireName.equals(name)) {
                return option;
            }
        }
        throw new IllegalArgumentException("unknown AT+MIPCFG option \"" + name + "\"");
    }
}
