package io.mipgate.emulator;

/** {@code <state>} of +MIPSTATE. */
enum SlotState {
    INITIAL, CONNECTING, CONNECTED, CLOSING, CLOSED;

    String wire() {
        return "\"" + name() + "\"";
    }
}
