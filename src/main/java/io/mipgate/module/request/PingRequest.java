package io.mipgate.module.request;

import java.util.Objects;

/** A ping run from the module; every null is the module's default. */
public record PingRequest(String host, Integer timeoutSeconds, Integer count, Integer packetLength, Integer cid) {

    public PingRequest {
        Objects.requireNonNull(host, "host");
    }
}
