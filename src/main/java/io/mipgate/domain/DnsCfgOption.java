package io.mipgate.domain;

/** The sub-commands of AT+MDNSCFG (AT-REFERENCE §2.10). */
public enum DnsCfgOption {
    IP("ip"),
    IPV6("ipv6"),
    PRIORITY("priority"),
    CACHED("cached"),
    TIMEOUT("timeout");

    private final String wireName;

    DnsCfgOption(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DnsCfgOption ofWireName(String name) {
        for (DnsCfgOption option : values()) {
            if (option.wireName.equals(name)) {
                return option;
            }
        }
        throw new IllegalArgumentException("unknown AT+MDNSCFG option \"" + name + "\"");
    }
}
