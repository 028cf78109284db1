package io.mipgate.emulator.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;
import org.apache.commons.net.ntp.TimeStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SNTP exchange (RFC 4330 client) with a real server, for AT+MNTP. Host names go through a
 * {@link HostNameResolver} so they follow the module's AT+MDNSCFG settings; the first address is used.
 * Thread-safe: every call uses its own socket.
 */
public final class SntpService {

    public static final int DEFAULT_PORT = 123;
    private static final Logger log = LoggerFactory.getLogger(SntpService.class);

    private final HostNameResolver resolver;
    private final Clock clock;

    public SntpService(HostNameResolver resolver) {
        this(resolver, Clock.systemUTC());
    }

    /** @param clock the local clock the offset is measured against (the emulated module's RTC) */
    public SntpService(HostNameResolver resolver, Clock clock) {
        this.resolver = resolver;
        this.clock = clock;
    }

    /**
     * @param server  host name or IP literal
     * @param port    0–65535 as AT+MNTP accepts; port 0 cannot be sent to and yields {@link NtpResult.SyncFailed}
     * @param timeout how long to wait for the reply (AT+MNTP {@code <timeout>}, 1–300 s); DNS has its own bound
     */
    public NtpResult query(String server, int port, Duration timeout) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0~65535: " + port);
        }
        DnsResult dns = resolver.resolve(server);
        if (!(dns instanceof DnsResult.Resolved resolved)) {
            return new NtpResult.DnsError(dns);
        }
        InetAddress address = resolved.first();
        if (port == 0) {
            return new NtpResult.SyncFailed("port 0 is not a destination");
        }
        NTPUDPClient client = new NTPUDPClient();
        client.setDefaultTimeout(timeout);
        client.setVersion(NtpV3Packet.VERSION_4);
        try {
            client.open();
            TimeInfo info = client.getTime(address, port);
            return interpret(address, info);
        } catch (SocketTimeoutException e) {
            return new NtpResult.TimedOut(address);
        } catch (IOException e) {
            log.debug("SNTP {}:{} failed: {}", address.getHostAddress(), port, e.toString());
            return new NtpResult.SyncFailed(e.toString());
        } finally {
            client.close();
        }
    }

    private NtpResult interpret(InetAddress address, TimeInfo info) {
        NtpV3Packet reply = info.getMessage();
        int mode = reply.getMode();
        if (mode != NtpV3Packet.MODE_SERVER && mode != NtpV3Packet.MODE_BROADCAST) {
            return new NtpResult.SyncFailed("reply mode " + reply.getModeName());
        }
        if (reply.getStratum() == 0) {
            return new NtpResult.SyncFailed("kiss-o'-death " + reply.getReferenceIdString());
        }
        if (reply.getLeapIndicator() == NtpV3Packet.LI_ALARM_CONDITION) {
            return new NtpResult.SyncFailed("server clock not synchronised (leap indicator 3)");
        }
        TimeStamp transmit = reply.getTransmitTimeStamp();
        if (transmit.ntpValue() == 0) {
            return new NtpResult.SyncFailed("reply without transmit timestamp");
        }
        info.computeDetails();
        Long offset = info.getOffset();
        Long delay = info.getDelay();
        // commons-net measured the round trip with the JVM clock; correct for an injected local clock
        long localSkew = clock.millis() - System.currentTimeMillis();
        return new NtpResult.Synced(address,
                Instant.ofEpochMilli(transmit.getTime()),
                Duration.ofMillis(offset == null ? 0 : offset - localSkew),
                Duration.ofMillis(delay == null ? 0 : delay),
                Instant.ofEpochMilli(info.getReturnTime() + localSkew));
    }
}
