package io.mipgate.module.request;

/**
 * State the driver owns and keeps in step with the module: a raw command that changes it would leave the driver
 * decoding with the wrong mode, encoding or echo, or take a module reboot for a fault.
 */
public enum DriverOperation {
    SET_ACCESS_MODE("switch a connection's access mode"),
    CONFIGURE_CONNECTION("change a connection's configuration"),
    OPEN_CONNECTION("open a connection"),
    CLOSE_CONNECTION("close a connection"),
    READ_DATA("take a connection's received data"),
    REBOOT("restart the module"),
    DATA_CALL("activate, deactivate or detach the data call the driver keeps up"),
    LINE_SETTINGS("change echo, result codes, error reporting or the baud rate the driver relies on");

    private final String effect;

    DriverOperation(String effect) {
        this.effect = effect;
    }

    /** What the command would do, e.g. "open a connection". */
    public String effect() {
        return effect;
    }
}
