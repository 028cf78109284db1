package io.mipgate.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EchoServersTest {

    private static byte[] allByteValues(int repeat) {
        byte[] bytes = new byte[256 * repeat];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void tcpEchoesEveryByteValueExactly() throws Exception {
        byte[] payload = allByteValues(4096); // 1 MiB
        try (TcpEchoServer server = TcpEchoServer.start();
                Socket client = new Socket(server.address(), server.port())) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    client.getOutputStream().write(payload);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] echoed = new byte[payload.length];
            new DataInputStream(client.getInputStream()).readFully(echoed);
            writer.join();

            assertThat(echoed).isEqualTo(payload);
        }
    }

    @Test
    void tcpServesManyClientsConcurrently() throws Exception {
        try (TcpEchoServer server = TcpEchoServer.start(); ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Callable<Boolean>> clients = IntStream.range(0, 32).<Callable<Boolean>>mapToObj(i -> () -> {
                byte[] payload = Arrays.copyOf(allByteValues(1), 1 + i * 7);
                try (Socket socket = new Socket(server.address(), server.port())) {
                    socket.getOutputStream().write(payload);
                    byte[] echoed = new byte[payload.length];
                    new DataInputStream(socket.getInputStream()).readFully(echoed);
                    return Arrays.equals(echoed, payload);
                }
            }).toList();
            for (Future<Boolean> result : pool.invokeAll(clients)) {
                assertThat(result.get()).isTrue();
            }
            assertThat(server.acceptedCount()).isEqualTo(32);
        }
    }

    @Test
    void tcpResetIsSeenByTheClient() throws Exception {
        try (TcpEchoServer server = TcpEchoServer.start();
                Socket client = new Socket(server.address(), server.port())) {
            assertThat(server.awaitAccepted(1, Duration.ofSeconds(5))).isTrue();

            server.connections().getFirst().reset();

            InputStream in = client.getInputStream();
            assertThatThrownBy(() -> {
                // the RST may arrive after a write attempt; read until the reset surfaces
                OutputStream out = client.getOutputStream();
                for (int i = 0; i < 100; i++) {
                    out.write(1);
                    in.read();
                }
            }).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void tcpGracefulCloseIsEndOfStreamForTheClient() throws Exception {
        try (TcpEchoServer server = TcpEchoServer.start();
                Socket client = new Socket(server.address(), server.port())) {
            client.getOutputStream().write(new byte[] {1, 2, 3});
            byte[] echoed = new byte[3];
            new DataInputStream(client.getInputStream()).readFully(echoed);
            assertThat(echoed).containsExactly(1, 2, 3);

            server.closeAll();

            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void tcpEchoDelayIsApplied() throws Exception {
        try (TcpEchoServer server = TcpEchoServer.start();
                Socket client = new Socket(server.address(), server.port())) {
            Duration delay = Duration.ofMillis(300);
            server.setEchoDelay(delay);
            client.setSoTimeout(10_000);
            long written = System.nanoTime();
            client.getOutputStream().write(42);

            assertThat(client.getInputStream().read()).isEqualTo(42);
            // a lower bound only: a busy machine can make the echo later, never earlier
            assertThat(Duration.ofNanos(System.nanoTime() - written)).isGreaterThanOrEqualTo(delay);
        }
    }

    @Test
    void tcpCloseStopsTheServer() throws Exception {
        TcpEchoServer server = TcpEchoServer.start();
        Socket client = new Socket(server.address(), server.port());
        server.awaitAccepted(1, Duration.ofSeconds(5));

        server.close();

        assertThat(client.getInputStream().read()).isEqualTo(-1);
        assertThatThrownBy(() -> new Socket(server.address(), server.port()).close()).isInstanceOf(IOException.class);
        client.close();
    }

    @Test
    void udpEchoesEveryByteValueExactly() throws Exception {
        try (UdpEchoServer server = UdpEchoServer.start(); DatagramSocket client = new DatagramSocket()) {
            client.setSoTimeout(5000);
            for (byte[] payload : List.of(allByteValues(1), allByteValues(4), new byte[] {0}, allByteValues(255))) {
                client.send(new DatagramPacket(payload, payload.length, server.address(), server.port()));
                byte[] buffer = new byte[70_000];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                client.receive(reply);

                assertThat(Arrays.copyOf(reply.getData(), reply.getLength())).isEqualTo(payload);
            }
        }
    }

    @Test
    void udpServesManyClientsConcurrently() throws Exception {
        try (UdpEchoServer server = UdpEchoServer.start(); ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Callable<Boolean>> clients = IntStream.range(0, 32).<Callable<Boolean>>mapToObj(i -> () -> {
                byte[] payload = Arrays.copyOf(allByteValues(1), 1 + i);
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.setSoTimeout(5000);
                    socket.send(new DatagramPacket(payload, payload.length, server.address(), server.port()));
                    DatagramPacket reply = new DatagramPacket(new byte[512], 512);
                    socket.receive(reply);
                    return Arrays.equals(Arrays.copyOf(reply.getData(), reply.getLength()), payload);
                }
            }).toList();
            for (Future<Boolean> result : pool.invokeAll(clients)) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
