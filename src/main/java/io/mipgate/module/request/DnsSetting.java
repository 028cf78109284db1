package io.mipgate.module.request;

import io.mipgate.domain.DnsCfgOption;
import java.util.Objects;

/** One option of the module's DNS resolver (AT+MDNSCFG), as an operator sets it. */
public sealed interface DnsSetting {

    DnsCfgOption option();

    /** The IPv4 or IPv6 servers; an empty address gives the entry back to the network's default. */
    record Servers(boolean ipv6, String primary, String secondary) implements DnsSetting {
        public Servers {
            Objects.requireNonNull(primary, "primary");
        }

        @Override
        public DnsCfgOption option() {
            return ipv6 ? DnsCfgOption.IPV6 : DnsCfgOption.IP;
        }
    }

    record Priority(boolean ipv6First) implements DnsSetting {
        @Override
        public DnsCfgOption option() {
            return DnsCfgOption.PRIORITY;
        }
    }

    /** Whether answers are cached, and for how long when the model lets the period be set. */
    record Cache(boolean disabled, Integer periodSeconds) implements DnsSetting {
        @Override
        public DnsCfgOption option() {
            return DnsCfgOption.CACHED;
        }
    }

    /** Time per attempt and number of attempts of one lookup. */
    record Timeout(int seconds, Integer retries) implements DnsSetting {
        @Override
        public DnsCfgOption option() {
            return DnsCfgOption.TIMEOUT;
        }
    }
}
