package io.mipgate.emulator.net;

import java.util.function.Supplier;

/**
 * Turns a host name or IP literal into addresses. Services that accept host names (SNTP, ping) depend on this rather
 * than on {@link ModuleDnsResolver}, so that a module's current AT+MDNSCFG settings can be bound in, or a test can
 * substitute a fixed answer.
 */
@FunctionalInterface
public interface HostNameResolver {

    DnsResult resolve(String host);

    /** Binds a resolver to a module's settings, read afresh on every call (AT+MDNSCFG may change them). */
    static HostNameResolver of(ModuleDnsResolver resolver, Supplier<DnsSettings> settings) {
        return host -> resolver.resolve(host, settings.get());
    }
}
