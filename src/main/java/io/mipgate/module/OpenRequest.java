package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;

/**
 * A connection to open.
 *
 * @param connectId      null: the gateway picks a free id
 * @param timeoutSeconds null: the module default (60 s)
 * @param localPort      null or 0: automatic
 */
public record OpenRequest(Protocol protocol, String host, int port, Integer connectId, AccessMode accessMode,
                          Integer timeoutSeconds, Integer localPort) {

    public AccessMode mode() {
        return accessMode == null ? AccessMode.NORMAL : accessMode;
    }
}
