package io.mipgate.emulator.model;

import io.mipgate.domain.CloseMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one emulated family does differently from the others (AT-REFERENCE §5, Tables A–C), grouped by command.
 * Values come from {@link ModelFactsTable}; ranges common to every family are in {@link AllFamilies}.
 *
 * @param family                the family these facts describe
 * @param connectIds            valid {@code <connect_id>} values (§1.6)
 * @param unsupportedCfgOptions AT+MIPCFG options the family refuses (§2.1.2)
 * @param transparentMode       access mode 1 and {@code +++} exist (§2.3.2 fn 14, §2.13)
 * @param sack                  AT+MIPSACK exists (§2.9)
 * @param open                  AT+MIPOPEN specifics
 * @param send                  AT+MIPSEND specifics
 * @param receive               receive buffers and AT+MIPRD limits
 * @param close                 AT+MIPCLOSE specifics
 * @param keepAlive             AT+MIPTKA defaults
 * @param dns                   AT+MDNSCFG / AT+MDNSGIP specifics
 * @param ntpTimeoutDefault     default {@code <timeout>} of AT+MNTP, seconds (§2.15.2 fn 42)
 * @param pingCid               AT+MPING takes {@code <cid>} (§2.12.2 fn 37)
 * @param dialect               how the firmware words its TCP/IP results (FIELD-NOTES §14)
 */
public record ModelFacts(
        EmulatedFamily family,
        ParamRange connectIds,
        Set<MipCfgOption> unsupportedCfgOptions,
        boolean transparentMode,
        boolean sack,
        Open open,
        Send send,
        Receive receive,
        Close close,
        KeepAlive keepAlive,
        Dns dns,
        int ntpTimeoutDefault,
        boolean pingCid,
        Dialect dialect) {

    public ModelFacts {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(connectIds, "connectIds");
        unsupportedCfgOptions = Set.copyOf(Objects.requireNonNull(unsupportedCfgOptions, "unsupportedCfgOptions"));
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(receive, "receive");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(dialect, "dialect");
        // an option's range exists exactly where the option does, so a table row cannot contradict itself
        requireRangeIffSupported(family, unsupportedCfgOptions, MipCfgOption.TIMEOUT, send.sendTimeout());
        requireRangeIffSupported(family, unsupportedCfgOptions, MipCfgOption.RCVBUF, receive.udpRcvbuf());
    }

    public boolean supports(MipCfgOption option) {
        return !unsupportedCfgOptions.contains(option);
    }

    /** The same family speaking another dialect, e.g. an ML302A run with the manual's output for a V5 test. */
    public ModelFacts withDialect(Dialect other) {
        return new ModelFacts(family, connectIds, unsupportedCfgOptions, transparentMode, sack, open, send, receive,
                close, keepAlive, dns, ntpTimeoutDefault, pingCid, other);
    }

    private static void requireRangeIffSupported(EmulatedFamily family, Set<MipCfgOption> unsupported,
                                                 MipCfgOption option, Optional<ParamRange> range) {
        boolean supported = !unsupported.contains(option);
        if (supported != range.isPresent()) {
            throw new IllegalArgumentException(family + ": \"" + option.wireName() + "\" is "
                    + (supported ? "supported without a range" : "unsupported but has a range"));
        }
    }

    /**
     * AT+MIPOPEN (§2.3.2).
     *
     * @param timeoutEffective   {@code <timeout>} is honoured; false where it is accepted without effect (fn 13)
     * @param failureAsErrorCode a failed open reports a 55x code; false where the NB series reports {@code 1} (fn 15)
     */
    public record Open(boolean timeoutEffective, boolean failureAsErrorCode) {
    }

    /**
     * AT+MIPSEND (§2.5).
     *
     * @param promptMaxLength         largest {@code <send_length>} after the {@code >} prompt; 0 = no prompt mode (fn 20)
     * @param unspecifiedLengthPrompt {@code AT+MIPSEND=<id>} and {@code =<id>,0} open a prompt without length (fn 19)
     * @param udpEmptyPacket          {@code AT+MIPSEND=<id>,0} sends an empty UDP datagram (fn 19)
     * @param raiOnUdp                {@code <rai>} accepted on UDP (fn 22)
     * @param raiOnTcp                {@code <rai>} accepted on TCP (fn 22)
     * @param seq                     {@code <seq>} and the {@code "seq"} URC exist, UDP only (fn 23)
     * @param sendTimeout             range of AT+MIPCFG="timeout", seconds; empty where the option is unsupported (fn 5)
     */
    public record Send(int promptMaxLength, boolean unspecifiedLengthPrompt, boolean udpEmptyPacket,
                       boolean raiOnUdp, boolean raiOnTcp, boolean seq, Optional<ParamRange> sendTimeout) {
    }

    /**
     * Receive side (§2.1.3 {@code <recv_buffer>}, §2.6).
     *
     * @param tcpWindow        TCP receive window, bytes: what stream-buffer mode holds ("rcvbuf" has no effect on TCP)
     * @param udpRcvbuf        settable range of "rcvbuf" for UDP; empty where "rcvbuf" is unsupported
     * @param udpRcvbufDefault UDP receive buffer before any "rcvbuf" setting, bytes
     * @param maxCachedPackets packets kept in buffer modes before arrivals are dropped (fn 27, 39, 40)
     * @param readLength       range of {@code <read_len>} of AT+MIPRD (fn 26)
     * @param multiPacketRead  AT+MIPRD may return several UDP packets per read; false = one per read (fn 27)
     * @param ackUrc           {@code +MIPURC: "ack"} is ever emitted (fn 41)
     */
    public record Receive(int tcpWindow, Optional<ParamRange> udpRcvbuf, int udpRcvbufDefault, int maxCachedPackets,
                          ParamRange readLength, boolean multiPacketRead, boolean ackUrc) {
    }

    /**
     * AT+MIPCLOSE (§2.4.2 fn 17).
     *
     * @param configurableModes {@code <mode>} values accepted; empty where the parameter is not configurable
     * @param effectiveMode     how the module closes when {@code <mode>} is not configurable
     */
    public record Close(Optional<ParamRange> configurableModes, CloseMode effectiveMode) {

        public Close {
            Objects.requireNonNull(configurableModes, "configurableModes");
            Objects.requireNonNull(effectiveMode, "effectiveMode");
        }
    }

    /** AT+MIPTKA defaults in seconds (§2.2.2 fn 9, fn 10). */
    public record KeepAlive(int keepIdleDefault, int keepIntervalDefault) {
    }

    /**
     * AT+MDNSCFG and AT+MDNSGIP (§2.10, §2.11).
     *
     * @param options              AT+MDNSCFG sub-commands accepted
     * @param persistent           settings survive a reboot (NV); Cat.1 loses them at power-off
     * @param cachedPeriod         {@code <cached_period>} is accepted
     * @param cachedModeDefault    default {@code <cached_mode>} (fn 35)
     * @param timeoutDefault       default {@code <time>}, seconds
     * @param cid                  AT+MDNSGIP takes {@code <cid>} (fn 36)
     * @param bothFamiliesInResult +MDNSGIP lists IPv4 and IPv6 together; false = the preferred family only
     */
    public record Dns(Set<DnsCfgOption> options, boolean persistent, boolean cachedPeriod, int cachedModeDefault,
                      int timeoutDefault, boolean cid, boolean bothFamiliesInResult) {

        public Dns {
            options = Set.copyOf(options);
        }
    }
}
