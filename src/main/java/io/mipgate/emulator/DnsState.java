package io.mipgate.emulator;

import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.net.DnsSettings;
import io.mipgate.emulator.net.IpFamily;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
    int cachedPeriod = AllFamilies.DNS_CACHED_PERIOD_DEFAULT;
    int timeout;
    int retries = AllFamilies.DNS_RETRIES_DEFAULT;

    DnsState(ModelFacts model) {
        timeout = model.dns().timeoutDefault();
        cachedMode = model.dns().cachedModeDefault();
    }

    /** Value shown by a query: the configured server, or the built-in default when none is set. */
    String shown(boolean v6, int index) {
        String set = (v6 ? ipv6 : ipv4)[index];
        return set.isEmpty() ? (v6 ? DEFAULT_IPV6 : DEFAULT_IPV4)[index] : set;
    }

    /**
     * What {@link io.mipgate.emulator.net.ModuleDnsResolver} needs for one lookup now. A family without configured
     * servers takes the network's servers of that family — none, if the network gave only the other family, so that
     * the resolver asks those instead — and only without any network servers the built-in defaults.
     */
    DnsSettings settings(EmulatorConfig config) {
        return new DnsSettings(servers(ipv4, DEFAULT_IPV4, config.networkDns(), IpFamily.IPV4),
                servers(ipv6, DEFAULT_IPV6, config.networkDns(), IpFamily.IPV6), IpFamily.fromPriority(priority),
                timeout, retries, cachedMode == 0, cachedPeriod, config.dnsPort(),
                config.model().dns().bothFamiliesInResult() ? DnsSettings.ResultShape.BOTH_FAMILIES
                        : DnsSettings.ResultShape.PREFERRED_FAMILY_ONLY);
    }

    private static List<InetAddress> servers(String[] configured, String[] defaults, List<InetAddress> network,
                                             IpFamily family) {
        List<InetAddress> out = new ArrayList<>();
        for (String server : configured) {
            if (!server.isEmpty()) {
                out.add(literal(server));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (!network.isEmpty()) {
            return network.stream().filter(family::contains).limit(2).toList();
        }
        for (String server : defaults) {
            out.add(literal(server));
        }
        return out;
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // validated as a literal by AT+MDNSCFG: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
