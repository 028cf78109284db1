package io.mipgate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far end of the modules' connections on loopback: a TCP server that counts and discards what arrives on every
 * accepted socket and can pour a burst into the latest one, and a UDP socket that counts datagram bytes.
 */
final class Peer implements AutoCloseable {

    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final AtomicLong tcpBytes = new AtomicLong();
    final AtomicLong udpBytes = new AtomicLong();

    Peer() throws IOException {
        tcp = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("peer-accept").start(this::acceptLoop);
        Thread.ofPlatform().daemon().name("peer-udp").start(this::udpLoop);
    }

    int tcpPort() {
        return tcp.getLocalPort();
    }

    int udpPort() {
        return udp.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket s = tcp.accept();
                s.setTcpNoDelay(true);
                accepted.add(s);
                Thread.ofPlatform().daemon().name("peer-discard").start(() -> discard(s));
            }
        } catch (IOException closed) {
            // closed at the end
        }
    }

    private void discard(Socket s) {
        byte[] sink = new byte[64 * 1024];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(sink)) >= 0) {
                tcpBytes.addAndGet(n);
            }
        } catch (IOException closed) {
            // the module closed the connection
        }
    }

    private void udpLoop() {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                udp.receive(packet);
                udpBytes.addAndGet(packet.getLength());
            }
        } catch (IOException closed) {
            // closed at the end
        }
    }

    /** The socket accepted {@code index}-th (0-based), once it exists. */
    Socket connection(int index) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (accepted.size() <= index) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the module never connected to the peer");
            }
            Thread.sleep(5);
        }
        return accepted.get(index);
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** Writes {@code total} bytes in {@code size}-byte writes as fast as the socket takes them. */
    static void pour(Socket s, byte[] message, long total) throws IOException {
        OutputStream out = s.getOutputStream();
        for (long sent = 0; sent < total; sent += message.length) {
            out.write(message, 0, (int) Math.min(message.length, total - sent));
        }
        out.flush();
    }

    /** {@link #pour} on a virtual thread, so that the caller can read meanwhile. */
    static void pourInBackground(Socket s, byte[] message, long total) {
        Thread.ofVirtual().start(() -> {
            try {
                pour(s, message, total);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Waits until {@code counter} reaches {@code target} or {@code timeoutMs} passes; answers whether it did. */
    static boolean await(AtomicLong counter, long target, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        tcp.close();
        udp.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
