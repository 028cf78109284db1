package io.mipgate.api.dto;

import io.mipgate.domain.AccessMode;

/** {@code <access_mode>} as the API spells it. */
public enum ApiAccessMode {
    normal(AccessMode.NORMAL),
    transparent(AccessMode.TRANSPARENT),
    streamBuffer(AccessMode.STREAM_BUFFER),
    packetBuffer(AccessMode.PACKET_BUFFER);

    private final AccessMode domain;

    ApiAccessMode(AccessMode domain) {
        this.domain = domain;
    }

    public AccessMode toDomain() {
        return domain;
    }

    public static ApiAccessMode of(AccessMode mode) {
        for (ApiAccessMode m : values()) {
            if (m.domain == mode) {
                return m;
            }
        }
        return null;
    }
}
