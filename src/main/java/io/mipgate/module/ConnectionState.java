package io.mipgate.module;

/** The {@code <state>} values of +MIPSTATE, kept per connect_id by the worker (AT-REFERENCE §2.8). */
public enum ConnectionState {
    INITIAL,
    CONNECTING,
    CONNECTED,
    CLOSING,
    CLOSED;

    public static ConnectionState parse(String state) {
        return valueOf(state.trim().replace("\"", ""));
    }

    public boolean isOpen() {
        return this == CONNECTING || this == CONNECTED;
    }
}
