package io.mipgate.emulator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;

/** A loopback SNTP server answering every request with one fixed time (stratum 1). */
final class LoopbackSntp implements AutoCloseable {

    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private final DatagramSocket socket;
    private final Instant time;

    LoopbackSntp(Instant time) throws IOException {
        this.time = time;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                DatagramPacket request = new DatagramPacket(new byte[48], 48);
                socket.receive(request);
                ByteBuffer reply = ByteBuffer.allocate(48);
                reply.put((byte) 0x24).put((byte) 1).put((byte) 4).put((byte) 0xEC);
                reply.position(24);
                reply.put(request.getData(), 40, 8); // originate = client's transmit
                long seconds = time.getEpochSecond() + NTP_EPOCH_OFFSET;
                reply.putInt((int) seconds).putInt(0);
                reply.putInt((int) seconds).putInt(0);
                socket.send(new DatagramPacket(reply.array(), 48, request.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
