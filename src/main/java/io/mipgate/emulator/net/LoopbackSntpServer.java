package io.mipgate.emulator.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

/**
 * An NTP server on 127.0.0.1 and an ephemeral port, for tests: answers client (mode 3) requests with a mode-4 reply
 * whose receive/transmit timestamps come from a configurable clock. Silent mode counts requests without answering;
 * {@link #stratum(int)} 0 turns replies into kiss-o'-death packets.
 */
public final class LoopbackSntpServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Clock clock;
    private volatile boolean silent;
    private volatile int stratum = 1;

    private LoopbackSntpServer(DatagramSocket socket, Clock clock) {
        this.socket = socket;
        this.clock = clock;
        Thread.ofPlatform().daemon().name("loopback-ntp-" + socket.getLocalPort()).start(this::serve);
    }

    public static LoopbackSntpServer start(Clock clock) {
        return start(clock, 0);
    }

    /** On 127.0.0.1 and {@code port} (0 = ephemeral). */
    public static LoopbackSntpServer start(Clock clock, int port) {
        try {
            return new LoopbackSntpServer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)),
                    clock);
        } catch (SocketException e) {
            throw new IllegalStateException("cannot bind a loopback NTP server", e);
        }
    }

    public InetAddress address() {
        return socket.getLocalAddress();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public LoopbackSntpServer clock(Clock serverClock) {
        this.clock = serverClock;
        return this;
    }

    public LoopbackSntpServer silent(boolean dropRequests) {
        this.silent = dropRequests;
        return this;
    }

    public LoopbackSntpServer stratum(int value) {
        this.stratum = value;
        return this;
    }

    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        socket.close();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                TimeStamp received = TimeStamp.getNtpTime(clock.millis());
                requests.incrementAndGet();
                if (silent || packet.getLength() < 48) {
                    continue;
                }
                NtpV3Impl request = new NtpV3Impl();
                request.setDatagramPacket(packet);
                if (request.getMode() != NtpV3Packet.MODE_CLIENT) {
                    continue;
                }
                NtpV3Impl reply = new NtpV3Impl();
                reply.setMode(NtpV3Packet.MODE_SERVER);
                reply.setVersion(request.getVersion());
                reply.setLeapIndicator(NtpV3Packet.LI_NO_WARNING);
                reply.setStratum(stratum);
                reply.setPoll(request.getPoll());
                reply.setPrecision(-20);
                reply.setReferenceId(stratum == 0 ? 0x52415445 /* "RATE" */ : 0x4C4F434C /* "LOCL" */);
                reply.setReferenceTime(received);
                reply.setOriginateTimeStamp(request.getTransmitTimeStamp());
                reply.setReceiveTimeStamp(received);
                reply.setTransmitTime(TimeStamp.getNtpTime(clock.millis()));
                DatagramPacket out = reply.getDatagramPacket();
                out.setSocketAddress(packet.getSocketAddress());
                socket.send(out);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a bad datagram: ignore it
            }
        }
    }
}
