package io.mipgate.module.request;

import io.mipgate.domain.DnsCfgOption;
import java.util.List;
import java.util.Objects;

/** The value of one DNS resolver option as the module reports it. */
public record DnsConfig(DnsCfgOption option, List<String> values) {

    public DnsConfig {
        Objects.requireNonNull(option, "option");
        values = List.copyOf(values);
    }
}
