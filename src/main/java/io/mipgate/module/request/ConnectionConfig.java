package io.mipgate.module.request;

import io.mipgate.domain.MipCfgOption;
import java.util.List;
import java.util.Objects;

/** The value of one per-connection option as the module reports it, values in the module's own order. */
public record ConnectionConfig(MipCfgOption option, int connectId, List<String> values) {

    public ConnectionConfig {
        Objects.requireNonNull(option, "option");
        values = List.copyOf(values);
    }
}
