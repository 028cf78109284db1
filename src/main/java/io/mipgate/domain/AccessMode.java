package io.mipgate.domain;

/** {@code <access_mode>} of AT+MIPOPEN / AT+MIPMODE (AT-REFERENCE §2.3.2). */
public enum AccessMode {
    /** Received data pushed as {@code +MIPURC: "rtcp"/"rudp",<id>,<len>,<data>}. */
    NORMAL(0),
    /** Raw bytes both ways after {@code CONNECT}, left with {@code +++}. */
    TRANSPARENT(1),
    /** TCP only: data kept in the module, announced with {@code +MIPURC: "rtcp",<id>,<len>,<total>}, read with AT+MIPRD. */
    STREAM_BUFFER(2),
    /** UDP only: datagrams kept in the module, announced with {@code +MIPURC: "rudp",<id>,<count>}, read with AT+MIPRD. */
    PACKET_BUFFER(3);

    private final int code;

    AccessMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isBuffered() {
        return this == STREAM_BUFFER || this == PACKET_BUFFER;
    }

    /** Whether the module accepts this mode for a connection of the given protocol. */
    public boolean allows(Protocol protocol) {
        return switch (this) {
            case NORMAL, TRANSPARENT -> true;
            case STREAM_BUFFER -> protocol == Protocol.TCP;
            case PACKET_BUFFER -> protocol == Protocol.UDP;
        };
    }

    public static AccessMode ofCode(int code) {
        for (AccessMode mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown access_mode " + code);
    }
}
