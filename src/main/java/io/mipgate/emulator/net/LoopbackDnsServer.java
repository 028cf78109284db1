package io.mipgate.emulator.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNS responder on a loopback address, for tests and for the demo's offline zone. Answers A/AAAA from a table, NOERROR with no
 * answers for a known name without records of the asked type, NXDOMAIN for unknown names. In silent mode it reads and
 * counts queries but never answers (to provoke timeouts). Optionally also serves DNS over TCP on the same port.
 *
 * <pre>{@code
 * try (var dns = LoopbackDnsServer.start()) {
 *     dns.addA("iot.10086.cn", "183.230.40.127").addAaaa("iot.10086.cn", "2409:8060:8ea:601:0:3:3e:5464");
 *     ... dns.port() ... dns.queryCount("iot.10086.cn", Type.A) ...
 * }
 * }</pre>
 */
public final class LoopbackDnsServer implements AutoCloseable {

    private static final long TTL = 300;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, List<InetAddress>> records = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perQuestion = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final List<Socket> tcpClients = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    private LoopbackDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        Thread.ofPlatform().daemon().name("loopback-dns-udp-" + udp.getLocalPort()).start(this::serveUdp);
        if (tcp != null) {
            Thread.ofPlatform().daemon().name("loopback-dns-tcp-" + tcp.getLocalPort()).start(this::acceptTcp);
        }
    }

    /** UDP only, on 127.0.0.1. */
    public static LoopbackDnsServer start() {
        return start(InetAddress.getLoopbackAddress(), false);
    }

    /** On {@code bind} (127.0.0.1 or ::1); with {@code withTcp} TCP is served on the same port number too. */
    public static LoopbackDnsServer start(InetAddress bind, boolean withTcp) {
        return start(bind, 0, withTcp);
    }

    /**
     * On {@code bind} and {@code port} (0 = ephemeral). A fixed port lets two servers on 127.0.0.2 and 127.0.0.3 stand
     * for a module's address1 and address2, which share the one configured DNS port.
     */
    public static LoopbackDnsServer start(InetAddress bind, int port, boolean withTcp) {
        for (int attempt = 0; attempt < (port == 0 ? 20 : 1); attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(bind, port));
                ServerSocket tcp = null;
                if (withTcp) {
                    tcp = new ServerSocket();
                    tcp.bind(new InetSocketAddress(bind, udp.getLocalPort()));
                }
                return new LoopbackDnsServer(udp, tcp);
            } catch (IOException e) {
                if (udp != null) {
                    udp.close(); // TCP port of that number taken: try another ephemeral port
                }
            }
        }
        throw new IllegalStateException("cannot bind a loopback DNS server on " + bind + " port " + port);
    }

    public InetAddress address() {
        return udp.getLocalAddress();
    }

    public int port() {
        return udp.getLocalPort();
    }

    public LoopbackDnsServer addA(String name, String... ipv4) {
        return add(name, ipv4);
    }

    public LoopbackDnsServer addAaaa(String name, String... ipv6) {
        return add(name, ipv6);
    }

    /** A name that exists but holds no A/AAAA records (answers are NOERROR/NODATA, not NXDOMAIN). */
    public LoopbackDnsServer addEmptyName(String name) {
        records.computeIfAbsent(key(name), k -> new CopyOnWriteArrayList<>());
        return this;
    }

    public LoopbackDnsServer silent(boolean dropQueries) {
        this.silent = dropQueries;
        return this;
    }

    /** Every query received, answered or not. */
    public int queryCount() {
        return queries.get();
    }

    /** Queries received for one name and record type ({@link Type#A}, {@link Type#AAAA}). */
    public int queryCount(String name, int type) {
        AtomicInteger count = perQuestion.get(key(name) + "/" + Type.string(type));
        return count == null ? 0 : count.get();
    }

    public void resetCounters() {
        queries.set(0);
        perQuestion.clear();
    }

    @Override
    public void close() {
        udp.close();
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket client : tcpClients) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private LoopbackDnsServer add(String name, String... ips) {
        List<InetAddress> list = records.computeIfAbsent(key(name), k -> new CopyOnWriteArrayList<>());
        for (String ip : ips) {
            try {
                list.add(InetAddress.getByName(ip)); // literals only: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(ip, e);
            }
        }
        return this;
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] reply = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // an unparsable datagram: ignore it, as a real server would
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket client = tcp.accept();
                tcpClients.add(client);
                Thread.ofVirtual().start(() -> serveTcp(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveTcp(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] reply = answer(query);
                if (reply != null) {
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            }
        } catch (IOException endOfStream) {
            // client went away
        } finally {
            tcpClients.remove(client);
        }
    }

    /** The wire reply to a wire query, or null when the query is not answered (silent mode). */
    private byte[] answer(byte[] wire) throws IOException {
        Message query = new Message(wire);
        Record question = query.getQuestion();
        queries.incrementAndGet();
        if (question != null) {
            perQuestion.computeIfAbsent(question.getName().toString().toLowerCase(Locale.ROOT) + "/"
                    + Type.string(question.getType()), k -> new AtomicInteger()).incrementAndGet();
        }
        if (silent) {
            return null;
        }
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
            reply.getHeader().setFlag(Flags.RA);
        }
        if (question == null) {
            reply.getHeader().setRcode(Rcode.FORMERR);
            return reply.toWire();
        }
        reply.addRecord(question, Section.QUESTION);
        List<InetAddress> known = records.get(question.getName().toString().toLowerCase(Locale.ROOT));
        if (known == null) {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
            return reply.toWire();
        }
        Name name = question.getName();
        for (InetAddress address : known) {
            if (question.getType() == Type.A && address instanceof java.net.Inet4Address) {
                reply.addRecord(new ARecord(name, DClass.IN, TTL, address), Section.ANSWER);
            } else if (question.getType() == Type.AAAA && address instanceof java.net.Inet6Address) {
                reply.addRecord(new AAAARecord(name, DClass.IN, TTL, address), Section.ANSWER);
            }
        }
        return reply.toWire();
    }
}
