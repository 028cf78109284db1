package io.mipgate.emulator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;

/** A loopback UDP socket the test controls: receive a datagram, answer the sender. */
final class UdpPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private SocketAddress lastSender;

    UdpPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
    }

    int port() {
        return socket.getLocalPort();
    }

    byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
        socket.receive(packet);
        lastSender = packet.getSocketAddress();
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    void reply(byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length, lastSender));
    }

    @Override
    public void close() {
        socket.close();
    }
}
