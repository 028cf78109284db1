package io.mipgate.emulator;

/**
 * What AT+MIPSEND prompt mode does when {@code <send_timeout>} expires before the data is complete (manual silent;
 * FIELD-NOTES "Consequences for an emulator" 6 leaves it to configuration).
 */
public enum PromptTimeoutPolicy {
    /** Send what arrived and report its length (V5.1.5 manual: "sends when the length is reached or on timeout"). */
    SEND_RECEIVED,
    /** Discard what arrived and answer {@code +CME ERROR: 50}. */
    DISCARD_WITH_ERROR
}
