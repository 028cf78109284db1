package io.mipgate.module;

/**
 * Holding back a slow reader. In normal (push) mode the module prints whatever arrives with no flow control
 * (FIELD-NOTES §8.1), so when a client reads too slowly the gateway moves the connection to a buffer mode, where the
 * module keeps the data and the peer is held back by TCP, and moves it back once the client has caught up.
 */
enum ReceiveHold {
    /** In the mode the client asked for. */
    NONE,
    /** An AT+MIPMODE to a buffer mode, or back to normal, is queued or on the line. */
    SWITCHING,
    /** In a buffer mode on the gateway's account; reads drain the module as room allows. */
    HELD,
    /** The module refused a switch: the connection stays as it is for its life, and any loss is counted. */
    UNAVAILABLE
}
