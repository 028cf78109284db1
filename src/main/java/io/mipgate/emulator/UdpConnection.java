package io.mipgate.emulator;

import io.mipgate.domain.CloseMode;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP socket talking to one remote: one datagram per AT+MIPSEND, one event per received datagram (UDP has no flow
 * control). The socket is not connected, because the JDK silently drops an empty datagram (MN319's
 * {@code AT+MIPSEND=<id>,0}) on a connected one; datagrams from anyone but the remote are ignored instead, as a
 * connected socket's kernel filter would.
 */
final class UdpConnection implements Connection {

    private static final Logger log = LoggerFactory.getLogger(UdpConnection.class);

    /** A bound socket and the address AT+MIPOPEN named. */
    record Endpoint(DatagramSocket socket, InetSocketAddress remote) {
    }

    private final DatagramSocket socket;
    private final InetSocketAddress remote;
    private final Events events;
    private volatile boolean closing;

    UdpConnection(Endpoint endpoint, Events events) {
        this.socket = endpoint.socket();
        this.remote = endpoint.remote();
        this.events = events;
    }

    @Override
    public void start() {
        Thread.ofVirtual().name("emu-udp-rx-" + socket.getLocalPort()).start(() -> {
            byte[] buffer = new byte[65535];
            while (!closing) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    if (remote.equals(packet.getSocketAddress())) {
                        events.data(this, Arrays.copyOf(packet.getData(), packet.getLength()));
                    }
                } catch (IOException e) {
                    if (!closing) {
                        // UDP keeps going after a receive error, as a module would
                        log.debug("udp receive: {}", e.toString());
                        if (socket.isClosed()) {
                            return;
                        }
                    }
                }
            }
        });
    }

    @Override
    public void send(byte[] data) {
        try {
            socket.send(new DatagramPacket(data, data.length, remote));
        } catch (IOException e) {
            log.debug("udp send: {}", e.toString());
        }
        events.written(this, data.length);
    }

    @Override
    public void close(CloseMode mode, boolean awaitPeer, java.util.function.IntConsumer onClosed) {
        abandon();
        onClosed.accept(0);
    }

    @Override
    public void resetByPeer() {
        abandon();
        events.closedByPeer(this, 2);
    }

    @Override
    public void abandon() {
        closing = true;
        socket.close();
    }

    @Override
    public void consumed(int bytes) {
        // datagrams are never held back
    }

    @Override
    public void creditLimit(int bytes) {
        // datagrams are never held back
    }

    @Override
    public void applyKeepAlive(SlotSettings settings) {
        // TCP only
    }
}
