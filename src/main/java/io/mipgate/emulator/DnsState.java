package io.mipgate.emulator;

import io.mipgate.at.model.ModelProfile;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** AT+MDNSCFG values. Server selection: host-configured, then network-provided, then built-in (AT-REFERENCE 2.10). */
final class DnsState {

    static final String[] DEFAULT_IPV4 = {"119.29.29.29", "114.114.114.114"};
    static final String[] DEFAULT_IPV6 = {"2400:3200::1", "2001:4860:4860::8888"};

    final String[] ipv4 = {"", ""};
    final String[] ipv6 = {"", ""};
    int priority = 1;
    int cachedMode;
    int cachedPeriod = ModelProfile.DNS_CACHED_PERIOD_DEFAULT;
    int timeout;
    int retries = ModelProfile.DNS_RETRIES_DEFAULT;

    DnsState(ModelProfile model) {
        timeout = model.dns().defaultTimeoutSeconds();
        cachedMode = model.dns().cachedModeDefault();
    }

    /** Value shown by a query: the configured server, or the built-in default when none is set. */
    String shown(boolean v6, int index) {
        String set = (v6 ? ipv6 : ipv4)[index];
        return set.isEmpty() ? (v6 ? DEFAULT_IPV6 : DEFAULT_IPV4)[index] : set;
    }

    HostNetwork.DnsQuery query(List<InetSocketAddress> networkDns, int port, boolean bothFamilies) {
        return new HostNetwork.DnsQuery(servers(ipv4, DEFAULT_IPV4, networkDns, port, false),
                servers(ipv6, DEFAULT_IPV6, networkDns, port, true), priority == 1, Duration.ofSeconds(timeout), retries,
                bothFamilies);
    }

    private static List<InetSocketAddress> servers(String[] configured, String[] defaults,
                                                   List<InetSocketAddress> network, int port, boolean v6) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String server : configured) {
            if (!server.isEmpty()) {
                out.add(new InetSocketAddress(server, port));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (!network.isEmpty()) {
            List<InetSocketAddress> sameFamily = network.stream()
                    .filter(a -> (a.getAddress() instanceof Inet6Address) == v6).toList();
            return sameFamily.isEmpty() ? network : sameFamily;
        }
        for (String server : defaults) {
            out.add(new InetSocketAddress(server, port));
        }
        return out;
    }
}
