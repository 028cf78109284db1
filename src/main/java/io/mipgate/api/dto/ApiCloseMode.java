package io.mipgate.api.dto;

import io.mipgate.domain.CloseMode;

/** {@code <mode>} of AT+MIPCLOSE as the API spells it; only some models (ML307G) accept it. */
public enum ApiCloseMode {
    graceful(CloseMode.GRACEFUL),
    immediate(CloseMode.IMMEDIATE),
    timeWait(CloseMode.TIME_WAIT),
    reset(CloseMode.RESET),
    gracefulTimeWait(CloseMode.GRACEFUL_TIME_WAIT);

    private final CloseMode domain;

    ApiCloseMode(CloseMode domain) {
        this.domain = domain;
    }

    public CloseMode toDomain() {
        return domain;
    }
}
