package io.mipgate.api.dto;

/** Input rules shared by request DTOs, checked before any job is queued (AT-REFERENCE §2 ranges). */
public final class Wire {

    /**
     * Host names, domains, IP literals: letters, digits and {@code . - _ : %} only. Stricter than the encoders'
     * "printable without quotes": nothing that can end a quoted AT string or chain a command ever gets near one.
     */
    public static final String HOST = "^[A-Za-z0-9._:%-]+$";
    public static final String HOST_MESSAGE = "letters, digits and . - _ : % only (a host name or IP literal)";
    /** An IPv4/IPv6 literal, or empty to clear a DNS server entry. */
    public static final String IP_OR_EMPTY = "^[0-9A-Fa-f.:]*$";
    public static final int HOST_MAX = 255;

    private Wire() {
    }
}
