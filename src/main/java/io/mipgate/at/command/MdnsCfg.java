package io.mipgate.at.command;

import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.at.model.ModelProfile;
import java.util.Objects;

/** AT+MDNSCFG: DNS resolver configuration (AT-REFERENCE §2.10). Cat.1 families accept only {@code "priority"}. */
public final class MdnsCfg {

    private static final String NAME = "AT+MDNSCFG";
    private static final int ADDRESS_MAX_LENGTH = 45;

    private MdnsCfg() {
    }

    /** Common shape of the set forms. */
    public sealed interface Setting extends TcpIpForms.SetForm permits Servers, Priority, Cache, Timeout {
        DnsCfgOption option();

        @Override
        default TcpIpCommand command() {
            return TcpIpCommand.MDNSCFG;
        }

        @Override
        default String describe() {
            return NAME + "=\"" + option().wireName() + "\"";
        }
    }

    /** {@code AT+MDNSCFG="<option>"}. */
    public record Query(DnsCfgOption option) implements TcpIpForms.SetForm {
        public Query {
            Objects.requireNonNull(option, "option");
        }

        @Override
        public TcpIpCommand command() {
            return TcpIpCommand.MDNSCFG;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            requireOption(profile, option);
            return CommandLine.set(NAME).quoted(option.wireName()).encode();
        }

        @Override
        public String describe() {
            return NAME + "=\"" + option.wireName() + "\"";
        }
    }

    /**
     * {@code AT+MDNSCFG="ip"|"ipv6",<address1>[,<address2>]}; an empty string clears the entry back to the network or
     * built-in default.
     */
    public record Servers(boolean ipv6, String primary, String secondary) implements Setting {
        public Servers {
            Objects.requireNonNull(primary, "primary");
        }

        @Override
        public DnsCfgOption option() {
            return ipv6 ? DnsCfgOption.IPV6 : DnsCfgOption.IP;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            requireOption(profile, option());
            checkAddress("<address1>", primary);
            if (secondary != null) {
                checkAddress("<address2>", secondary);
            }
            return CommandLine.set(NAME).quoted(option().wireName()).quoted(primary).quoted(secondary).encode();
        }

        private void checkAddress(String parameter, String address) {
            Params.quotable(parameter, address, ADDRESS_MAX_LENGTH, true);
            if (!address.isEmpty() && !isLiteral(address)) {
                throw new InvalidParameterException(parameter, address,
                        ipv6 ? "an IPv6 literal or \"\"" : "an IPv4 literal or \"\"", null);
            }
        }

        private boolean isLiteral(String address) {
            return ipv6
                    ? address.matches("[0-9A-Fa-f:.]+") && address.contains(":")
                    : address.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
        }
    }

    /** {@code AT+MDNSCFG="priority",<0 IPv4 first|1 IPv6 first>}. */
    public record Priority(boolean ipv6First) implements Setting {
        @Override
        public DnsCfgOption option() {
            return DnsCfgOption.PRIORITY;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            requireOption(profile, option());
            return CommandLine.set(NAME).quoted(option().wireName()).number(ipv6First ? 1 : 0).encode();
        }
    }

    /** {@code AT+MDNSCFG="cached",<0 use cache|1 no cache>[,<cached_period>]}. */
    public record Cache(boolean disabled, Integer periodSeconds) implements Setting {
        @Override
        public DnsCfgOption option() {
            return DnsCfgOption.CACHED;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            requireOption(profile, option());
            if (periodSeconds != null) {
                Params.require(profile, profile.dns().cachedPeriod(), "<cached_period>");
            }
            return CommandLine.set(NAME).quoted(option().wireName()).number(disabled ? 1 : 0)
                    .number(Params.optionalInRange(profile, "<cached_period>", periodSeconds, ModelProfile.DNS_CACHED_PERIOD))
                    .encode();
        }
    }

    /** {@code AT+MDNSCFG="timeout",<time>[,<retries>]}. */
    public record Timeout(int seconds, Integer retries) implements Setting {
        @Override
        public DnsCfgOption option() {
            return DnsCfgOption.TIMEOUT;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            requireOption(profile, option());
            return CommandLine.set(NAME).quoted(option().wireName())
                    .number(Params.inRange(profile, "<time>", seconds, ModelProfile.DNS_TIME))
                    .number(Params.optionalInRange(profile, "<retries>", retries, ModelProfile.DNS_RETRIES))
                    .encode();
        }
    }

    private static void requireOption(ModelProfile profile, DnsCfgOption option) {
        Params.require(profile, profile.dns().supports(option), "AT+MDNSCFG=\"" + option.wireName() + "\"");
    }

}
