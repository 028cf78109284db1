package io.mipgate.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Real host services: DNS with dnsjava against the module's configured servers, ICMP echo through
 * {@link InetAddress#isReachable} (ICMP when the JVM may open raw sockets; the TTL is not visible there and reported
 * as 64), SNTP through commons-net. Interim until {@code io.mipgate.emulator.net} provides the full services.
 */
public final class DefaultHostNetwork implements HostNetwork {

    private static final int MAX_ADDRESSES = 4;
    private static final int UNKNOWN_TTL = 64;

    @Override
    public Resolution resolve(String host, DnsQuery query) {
        if (isLiteral(host)) {
            try {
                return new Resolution.Resolved(List.of(InetAddress.getByName(host)));
            } catch (IOException e) {
                return new Resolution.Failed(e.getMessage());
            }
        }
        Name name;
        try {
            name = Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (IOException e) {
            return new Resolution.Failed("bad name");
        }
        boolean v6 = query.ipv6First();
        List<InetAddress> found = new ArrayList<>();
        boolean timedOut = false;
        for (int pass = 0; pass < 2 && found.size() < MAX_ADDRESSES; pass++) {
            boolean family6 = pass == 0 == v6;
            List<InetSocketAddress> servers = family6 ? query.ipv6Servers() : query.ipv4Servers();
            if (servers.isEmpty()) {
                servers = family6 ? query.ipv4Servers() : query.ipv6Servers();
            }
            Lookup lookup = lookup(name, family6 ? Type.AAAA : Type.A, servers, query);
            timedOut |= lookup.timedOut;
            for (InetAddress address : lookup.addresses) {
                if (found.size() < MAX_ADDRESSES) {
                    found.add(address);
                }
            }
            if (!found.isEmpty() && !query.bothFamilies()) {
                break;
            }
        }
        if (!found.isEmpty()) {
            return new Resolution.Resolved(found);
        }
        return timedOut ? new Resolution.TimedOut() : new Resolution.Failed("no address for " + host);
    }

    private record Lookup(List<InetAddress> addresses, boolean timedOut) {
    }

    private static Lookup lookup(Name name, int type, List<InetSocketAddress> servers, DnsQuery query) {
        boolean timedOut = false;
        for (InetSocketAddress server : servers) {
            for (int attempt = 0; attempt < query.attempts(); attempt++) {
                try {
                    SimpleResolver resolver = new SimpleResolver(server);
                    resolver.setTimeout(query.timeout());
                    Message answer = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
                    List<InetAddress> addresses = new ArrayList<>();
                    for (Record record : answer.getSection(Section.ANSWER)) {
                        if (record instanceof ARecord a) {
                            addresses.add(a.getAddress());
                        } else if (record instanceof AAAARecord aaaa) {
                            addresses.add(aaaa.getAddress());
                        }
                    }
                    if (answer.getRcode() == Rcode.NOERROR || answer.getRcode() == Rcode.NXDOMAIN) {
                        return new Lookup(addresses, false);
                    }
                    break;
                } catch (IOException e) {
                    timedOut = true;
                }
            }
        }
        return new Lookup(List.of(), timedOut);
    }

    static boolean isLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    @Override
    public PingOutcome ping(InetAddress target, int payloadSize, Duration timeout) {
        long start = System.nanoTime();
        try {
            if (target.isReachable((int) timeout.toMillis())) {
                return new PingOutcome.Reply(Math.max(1, (System.nanoTime() - start) / 1_000_000), UNKNOWN_TTL);
            }
            return new PingOutcome.Timeout();
        } catch (IOException e) {
            return new PingOutcome.Error(e.getMessage());
        }
    }

    @Override
    public NtpOutcome ntp(InetAddress server, int port, Duration timeout) {
        NTPUDPClient client = new NTPUDPClient();
        client.setDefaultTimeout(timeout);
        try {
            client.open();
            TimeInfo info = client.getTime(server, port);
            NtpV3Packet message = info.getMessage();
            if (message.getStratum() == 0 || message.getMode() != NtpV3Packet.MODE_SERVER) {
                return new NtpOutcome.Failed("unusable reply (stratum " + message.getStratum() + ")");
            }
            return new NtpOutcome.Synced(Instant.ofEpochMilli(message.getTransmitTimeStamp().getTime()));
        } catch (SocketTimeoutException e) {
            return new NtpOutcome.TimedOut();
        } catch (IOException e) {
            return new NtpOutcome.Failed(e.getMessage());
        } finally {
            client.close();
        }
    }
}
