package io.mipgate.emulator;

import io.mipgate.emulator.net.DnsResult;
import io.mipgate.emulator.net.DnsSettings;
import io.mipgate.emulator.net.HostNameResolver;
import io.mipgate.emulator.net.ModuleDnsResolver;
import io.mipgate.emulator.net.NtpResult;
import io.mipgate.emulator.net.PingResult;
import io.mipgate.emulator.net.PingService;
import io.mipgate.emulator.net.SntpService;
import java.net.InetAddress;
import java.time.Duration;

/**
 * One virtual module's share of the host network, behind AT+MDNSGIP, AT+MPING, AT+MNTP and host names in
 * AT+MIPOPEN: real DNS through the module's own {@link ModuleDnsResolver} (its cache is the module's), real echoes
 * through the shared {@link PingService}, real SNTP through {@link SntpService}. Every call blocks, so the module runs
 * them on worker threads with a {@link DnsSettings} snapshot taken on its loop (AT+MDNSCFG may change meanwhile).
 */
final class HostNetwork {

    private final ModuleDnsResolver resolver = new ModuleDnsResolver();
    private final PingService ping;

    HostNetwork(PingService ping) {
        this.ping = ping;
    }

    DnsResult resolve(String host, DnsSettings settings) {
        return resolver.resolve(host, settings);
    }

    PingResult ping(InetAddress target, Duration timeout, int packetLen) {
        return ping.ping(target, timeout.toMillis(), packetLen);
    }

    /** The server's name resolves through this module's resolver and {@code dns}, as the module's would. */
    NtpResult ntp(String server, int port, Duration timeout, DnsSettings dns) {
        return new SntpService(HostNameResolver.of(resolver, () -> dns)).query(server, port, timeout);
    }

    /** A Cat.1 reboot, or a change of AT+MDNSCFG="cached": every cached answer is forgotten. */
    void clearDnsCache() {
        resolver.clearCache();
    }
}
