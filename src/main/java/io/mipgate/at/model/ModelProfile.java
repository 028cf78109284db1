package io.mipgate.at.model;

import io.mipgate.domain.CloseMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one model family can do, as data (AT-REFERENCE §5, Tables A–C). Encoders validate against it, the worker picks
 * its send and receive strategies from it, the emulator imitates it and the API refuses what it excludes.
 *
 * @param family       the model family
 * @param connectIds   valid {@code <connect_id>} values
 * @param unsupportedCfgOptions AT+MIPCFG options the family refuses
 * @param transparent  whether access mode 1 and {@code +++} exist
 * @param sack         whether AT+MIPSACK exists
 * @param open         AT+MIPOPEN specifics
 * @param send         AT+MIPSEND specifics
 * @param receive      buffers and read limits
 * @param close        AT+MIPCLOSE specifics
 * @param keepAlive    AT+MIPTKA defaults
 * @param dns          AT+MDNSCFG / AT+MDNSGIP specifics
 * @param ntpDefaultTimeoutSeconds default {@code <timeout>} of AT+MNTP
 * @param pingCid      whether AT+MPING takes {@code <cid>}
 * @param quirks       how the family's real firmware deviates from the manual (FIELD-NOTES)
 * @param dialect      which TCP/IP output the family's firmware prints (FIELD-NOTES §14)
 */
public record ModelProfile(
        ModelFamily family,
        IntRange connectIds,
        Set<MipCfgOption> unsupportedCfgOptions,
        boolean transparent,
        boolean sack,
        Open open,
        Send send,
        Receive receive,
        Close close,
        KeepAlive keepAlive,
        Dns dns,
        int ntpDefaultTimeoutSeconds,
        boolean pingCid,
        FieldQuirks quirks,
        TcpIpDialect dialect) {

    /** Ranges that hold for every family (AT-REFERENCE §2). */
    public static final IntRange PORT = IntRange.of(0, 65535);
    public static final IntRange OPEN_TIMEOUT = IntRange.of(1, 180);
    public static final int OPEN_TIMEOUT_DEFAULT = 60;
    public static final IntRange PDP_CID = IntRange.of(1, 15);
    public static final IntRange SSL_ID = IntRange.of(0, 5);
    public static final IntRange INLINE_SEND_LENGTH = IntRange.of(0, 1460);
    public static final IntRange PACKET_SIZE = IntRange.of(512, 1460);
    public static final int PACKET_SIZE_DEFAULT = 1024;
    public static final IntRange WAITTM = IntRange.of(100, 2000);
    public static final int WAITTM_DEFAULT = 200;
    public static final IntRange SEND_BUFFER = IntRange.of(1, 8192);
    public static final int SEND_BUFFER_DEFAULT = 1460;
    public static final IntRange KEEPIDLE = IntRange.of(30, 7200);
    public static final IntRange KEEPINTERVAL = IntRange.of(30, 600);
    public static final IntRange KEEPCOUNT = IntRange.of(1, 9);
    public static final int KEEPCOUNT_DEFAULT = 3;
    public static final IntRange RAI = IntRange.of(0, 2);
    public static final IntRange SEQ = IntRange.of(1, 255);
    public static final IntRange DNS_TIME = IntRange.of(1, 60);
    public static final IntRange DNS_RETRIES = IntRange.of(1, 9);
    public static final int DNS_RETRIES_DEFAULT = 3;
    public static final IntRange DNS_CACHED_PERIOD = IntRange.of(1, 65535);
    public static final int DNS_CACHED_PERIOD_DEFAULT = 3600;
    public static final int HOST_MAX_LENGTH = 255;
    public static final IntRange PING_TIMEOUT = IntRange.of(1, 60);
    public static final int PING_TIMEOUT_DEFAULT = 10;
    public static final IntRange PING_COUNT = IntRange.of(1, 65535);
    public static final int PING_COUNT_DEFAULT = 4;
    public static final IntRange PING_SIZE = IntRange.of(1, 1400);
    public static final int PING_SIZE_DEFAULT = 16;
    public static final IntRange NTP_TIMEOUT = IntRange.of(1, 300);
    public static final int NTP_PORT_DEFAULT = 123;
    public static final String NTP_SERVER_DEFAULT = "ntp1.aliyun.com";

    public ModelProfile {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(connectIds, "connectIds");
        unsupportedCfgOptions = Set.copyOf(unsupportedCfgOptions);
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(receive, "receive");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(quirks, "quirks");
        Objects.requireNonNull(dialect, "dialect");
    }

    public String name() {
        return family.displayName();
    }

    public Series series() {
        return family.series();
    }

    public boolean supports(MipCfgOption option) {
        return !unsupportedCfgOptions.contains(option);
    }

    /**
     * AT+MIPOPEN.
     *
     * @param timeoutEffective  false where {@code <timeout>} is accepted but has no effect (MN316 class, fn 13)
     * @param failureAsErrorCode true where a failed open reports a 55x code, false where NB reports {@code 1} (fn 15)
     */
    public record Open(boolean timeoutEffective, boolean failureAsErrorCode) {
    }

    /**
     * AT+MIPSEND.
     *
     * @param promptMaxLength          largest {@code <send_length>} of the {@code >} data mode; 0 = no prompt mode
     * @param unspecifiedLengthPrompt  {@code AT+MIPSEND=<id>} / {@code =<id>,0} open a prompt without length (Cat.1, fn 19)
     * @param udpEmptyPacket           {@code AT+MIPSEND=<id>,0} sends an empty datagram
     * @param raiOnUdp                 {@code <rai>} accepted on UDP
     * @param raiOnTcp                 {@code <rai>} accepted on TCP
     * @param seq                      {@code <seq>} and the {@code "seq"} URC exist (UDP)
     * @param sendTimeout              range of AT+MIPCFG="timeout"; empty where the option is unsupported
     */
    public record Send(int promptMaxLength, boolean unspecifiedLengthPrompt, boolean udpEmptyPacket,
                       boolean raiOnUdp, boolean raiOnTcp, boolean seq, Optional<IntRange> sendTimeout) {

        public static final int SEND_TIMEOUT_DEFAULT = 10;

        public boolean promptMode() {
            return promptMaxLength > 0;
        }
    }

    /**
     * Receive side.
     *
     * @param tcpWindow          TCP receive window the module uses in stream-buffer mode ("rcvbuf" has no effect on TCP)
     * @param udpRcvbuf          settable range of "rcvbuf" for UDP; empty where "rcvbuf" is unsupported
     * @param udpRcvbufDefault   default UDP receive buffer
     * @param maxCachedPackets   packets the module keeps in buffer modes before dropping (NB 12, Cat.1 256)
     * @param readLength         range of {@code <read_len>} of AT+MIPRD
     * @param multiPacketRead    false where AT+MIPRD returns one UDP packet per read (MN316A/MN319, fn 27)
     * @param ackUrc             whether {@code +MIPURC: "ack"} is ever emitted (fn 41)
     */
    public record Receive(int tcpWindow, Optional<IntRange> udpRcvbuf, int udpRcvbufDefault, int maxCachedPackets,
                          IntRange readLength, boolean multiPacketRead, boolean ackUrc) {
    }

    /**
     * AT+MIPCLOSE.
     *
     * @param configurableModes modes accepted in {@code <mode>}; empty where the parameter is not configurable
     * @param effectiveMode     how the module closes when no mode is configurable (fn 17)
     */
    public record Close(Optional<IntRange> configurableModes, CloseMode effectiveMode) {
    }

    /** AT+MIPTKA defaults (fn 9, fn 10). */
    public record KeepAlive(int keepIdleDefault, int keepIntervalDefault) {
    }

    /**
     * DNS.
     *
     * @param supportedOptions   AT+MDNSCFG sub-commands the family accepts
     * @param persistent         settings saved to NV (NB) or lost at power-off (Cat.1)
     * @param cachedPeriod       whether {@code <cached_period>} is accepted (not on ML307G, fn 35)
     * @param cachedModeDefault  default {@code <cached_mode>}
     * @param defaultTimeoutSeconds default {@code <time>} (NB 30, Cat.1 10)
     * @param cid                whether AT+MDNSGIP takes {@code <cid>} (Cat.1, fn 36)
     * @param bothFamiliesInResult whether +MDNSGIP lists IPv4 and IPv6 together (Cat.1) or only the preferred family (NB)
     */
    public record Dns(Set<DnsCfgOption> supportedOptions, boolean persistent, boolean cachedPeriod,
                      int cachedModeDefault, int defaultTimeoutSeconds, boolean cid, boolean bothFamiliesInResult) {

        public Dns {
            supportedOptions = Set.copyOf(supportedOptions);
        }

        public boolean supports(DnsCfgOption option) {
            return supportedOptions.contains(option);
        }
    }
}
