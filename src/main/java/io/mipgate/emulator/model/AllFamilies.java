package io.mipgate.emulator.model;

/**
 * Parameter ranges and defaults that AT-REFERENCE §2 gives without a per-model exception. Where the reference has to
 * guess, the value is marked (inferred) as it is there.
 */
public final class AllFamilies {

    /** {@code <remote_port>}, {@code <local_port>} of AT+MIPOPEN and {@code <port>} of AT+MNTP (§2.3.2, §2.15.2). */
    public static final ParamRange PORT = ParamRange.of(0, 65535);
    /** {@code <timeout>} of AT+MIPOPEN, seconds (§2.3.2). */
    public static final ParamRange OPEN_TIMEOUT = ParamRange.of(1, 180);
    public static final int OPEN_TIMEOUT_DEFAULT = 60;
    /** {@code <cid>}: "same range as AT+CGDCONT", which the reference does not give; 1~15 is the 3GPP range. */
    public static final ParamRange PDP_CID = ParamRange.of(1, 15);
    /** {@code <ssl_id>} of AT+MIPCFG="ssl": left to the separate SSL manual (§2.1.3); six contexts assumed. */
    public static final ParamRange SSL_ID = ParamRange.of(0, 5);
    /** {@code <send_timeout>} default of AT+MIPCFG="timeout", seconds (§2.1.3). */
    public static final int SEND_TIMEOUT_DEFAULT = 10;
    /** {@code <send_buffer>} of AT+MIPCFG="sndbuf" (§2.1.3); no family can set it, so the default is the limit. */
    public static final ParamRange SEND_BUFFER = ParamRange.of(1, 8192);
    public static final int SEND_BUFFER_DEFAULT = 1460;

    /** {@code <keepidle>}, {@code <keepinterval>}, {@code <keepcount>} of AT+MIPTKA (§2.2.2). */
    public static final ParamRange KEEPIDLE = ParamRange.of(30, 7200);
    public static final ParamRange KEEPINTERVAL = ParamRange.of(30, 600);
    public static final ParamRange KEEPCOUNT = ParamRange.of(1, 9);
    public static final int KEEPCOUNT_DEFAULT = 3;

    /** {@code <send_length>} of the inline AT+MIPSEND form A (§2.5.1). */
    public static final ParamRange INLINE_SEND_LENGTH = ParamRange.of(0, 1460);
    /** {@code <rai>} and {@code <seq>} of AT+MIPSEND (§2.5.2). */
    public static final ParamRange RAI = ParamRange.of(0, 2);
    public static final ParamRange SEQ = ParamRange.of(1, 255);

    /** {@code <length>} of {@code +MIPURC: "ack"}, bytes (§2.14.2): a larger acknowledgement is reported in parts. */
    public static final ParamRange ACK_LENGTH = ParamRange.of(1, 1460);

    /** {@code <packet_size>} and {@code <waittm>} (ms, default (inferred)) of AT+MIPMODE (§2.7.2). */
    public static final ParamRange PACKET_SIZE = ParamRange.of(512, 1460);
    public static final int PACKET_SIZE_DEFAULT = 1024;
    public static final ParamRange WAITTM = ParamRange.of(100, 2000);
    public static final int WAITTM_DEFAULT = 200;

    /** {@code <cached_period>}, {@code <time>}, {@code <retries>} of AT+MDNSCFG (§2.10.2). */
    public static final ParamRange DNS_CACHED_PERIOD = ParamRange.of(1, 65535);
    public static final int DNS_CACHED_PERIOD_DEFAULT = 3600;
    public static final ParamRange DNS_TIME = ParamRange.of(1, 60);
    public static final ParamRange DNS_RETRIES = ParamRange.of(1, 9);
    public static final int DNS_RETRIES_DEFAULT = 3;

    /** Longest host name of AT+MIPOPEN, AT+MDNSGIP, AT+MPING and AT+MNTP, bytes (§2.11.2, §2.12.2, §2.15.2). */
    public static final int HOST_MAX_LENGTH = 255;

    /** {@code <timeout>} (s), {@code <ping_num>}, {@code <packet_len>} of AT+MPING (§2.12.2). */
    public static final ParamRange PING_TIMEOUT = ParamRange.of(1, 60);
    public static final int PING_TIMEOUT_DEFAULT = 10;
    public static final ParamRange PING_COUNT = ParamRange.of(1, 65535);
    public static final int PING_COUNT_DEFAULT = 4;
    public static final ParamRange PING_SIZE = ParamRange.of(1, 1400);
    public static final int PING_SIZE_DEFAULT = 16;

    /** {@code <timeout>} (s), {@code <port>} and {@code <server>} defaults of AT+MNTP (§2.15.2). */
    public static final ParamRange NTP_TIMEOUT = ParamRange.of(1, 300);
    public static final int NTP_PORT_DEFAULT = 123;
    public static final String NTP_SERVER_DEFAULT = "ntp1.aliyun.com";

    private AllFamilies() {
    }
}
