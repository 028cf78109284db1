package io.mipgate.api.security;

/** API roles; each includes the ones below it (ADMIN > OPERATOR > VIEWER). */
public enum Role {
    /** Reads modules, connections, configuration, events and jobs. */
    VIEWER,
    /** Opens, sends, reads, switches mode, closes; ping, DNS, NTP; retries failed modules. */
    OPERATOR,
    /** Changes module configuration and sends raw AT commands. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    static final String HIERARCHY = "ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER";
}
