package io.mipgate.domain;

/** What the module says about its SIM: {@code +CPIN: READY}, a PIN it waits for, or CME 10 (SIM not inserted). */
public enum SimState {
    READY,
    PIN_REQUIRED,
    NOT_INSERTED,
    FAILURE,
    UNKNOWN
}
