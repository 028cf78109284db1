package io.mipgate.transport;

/**
 * Serial flow control, spelled in link strings as {@code none} or {@code rtscts}. OneMO modules ship with none and
 * no public driver enables RTS/CTS (FIELD-NOTES §13), so {@code none} is the default.
 */
public enum FlowControl {
    NONE("none"), RTS_CTS("rtscts");

    private final String option;

    FlowControl(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }
}
