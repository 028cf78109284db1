package io.mipgate.emulator.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP peer on 127.0.0.1 that sends every datagram back to its sender unchanged (up to 65507 bytes). Optionally
 * delays each echo without holding up other senders.
 */
public final class UdpEchoServer implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_507;

    private final DatagramSocket socket;
    private final AtomicLong echoed = new AtomicLong();
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "udp-echo-delay");
        t.setDaemon(true);
        return t;
    });
    private final Thread receiver;
    private volatile Duration echoDelay = Duration.ZERO;

    private UdpEchoServer(DatagramSocket socket) {
        this.socket = socket;
        this.receiver = Thread.ofPlatform().daemon().name("udp-echo-" + socket.getLocalPort()).start(this::serve);
    }

    /** @param port 0 for an ephemeral port */
    public static UdpEchoServer start(int port) throws SocketException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setReceiveBufferSize(1 << 20);
        return new UdpEchoServer(socket);
    }

    public static UdpEchoServer start() throws SocketException {
        return start(0);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public InetAddress address() {
        return socket.getLocalAddress();
    }

    public void setEchoDelay(Duration delay) {
        this.echoDelay = delay;
    }

    public long datagramsEchoed() {
        return echoed.get();
    }

    @Override
    public void close() {
        socket.close();
        delayed.shutdownNow();
        try {
            receiver.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                DatagramPacket reply = new DatagramPacket(Arrays.copyOf(packet.getData(), packet.getLength()),
                        packet.getLength(), packet.getSocketAddress());
                Duration delay = echoDelay;
                if (delay.isZero()) {
                    send(reply);
                } else {
                    delayed.schedule(() -> send(reply), delay.toNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void send(DatagramPacket reply) {
        try {
            socket.send(reply);
            echoed.incrementAndGet();
        } catch (IOException e) {
            // closed, or the sender went away: UDP has no one to tell
        }
    }
}
