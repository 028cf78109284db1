package io.mipgate.domain;

/**
 * Network registration as {@code +CEREG}/{@code +CREG} report it in {@code <stat>} (3GPP TS 27.007 §7.2 and §10.1.22;
 * the OneMO TCP/IP manual does not describe these commands). The code is the 3GPP number, kept for metrics so alert
 * rules can compare against the standard values.
 */
public enum RegistrationState {
    NOT_REGISTERED(0, false),
    REGISTERED_HOME(1, true),
    SEARCHING(2, false),
    DENIED(3, false),
    UNKNOWN(4, false),
    REGISTERED_ROAMING(5, true),
    REGISTERED_HOME_SMS_ONLY(6, true),
    REGISTERED_ROAMING_SMS_ONLY(7, true),
    EMERGENCY_ONLY(8, false),
    REGISTERED_HOME_CSFB_NOT_PREFERRED(9, true),
    REGISTERED_ROAMING_CSFB_NOT_PREFERRED(10, true);

    private final int code;
    private final boolean registered;

    RegistrationState(int code, boolean registered) {
        this.code = code;
        this.registered = registered;
    }

    public int code() {
        return code;
    }

    /** Whether the module may use the network (home or roaming, in any flavour). */
    public boolean registered() {
        return registered;
    }

    /** The state of a {@code <stat>} value; a code outside the standard's table is {@link #UNKNOWN}. */
    public static RegistrationState ofCode(int code) {
        for (RegistrationState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
