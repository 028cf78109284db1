package io.mipgate.domain;

/** {@code <proto_type>} of AT+MIPOPEN and {@code <service_type>} of +MIPSTATE. */
public enum Protocol {
    TCP,
    UDP;

    public static Protocol parse(String text) {
        return switch (text) {
            case "TCP", "tcp" -> TCP;
            case "UDP", "udp" -> UDP;
            default -> throw new IllegalArgumentException("unknown protocol '" + text + "'");
        };
    }
}
