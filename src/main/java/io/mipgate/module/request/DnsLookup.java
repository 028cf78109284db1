package io.mipgate.module.request;

import java.util.Objects;

/** A domain for the module to resolve, on the default PDP context when {@code cid} is null. */
public record DnsLookup(String domain, Integer cid) {

    public DnsLookup {
        Objects.requireNonNull(domain, "domain");
    }
}
