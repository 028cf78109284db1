package io.mipgate.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback TCP server the test controls: each accepted connection is handed out, or echoed when echo is on. */
final class TcpPeer implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final boolean echo;

    TcpPeer(boolean echo) throws IOException {
        this.echo = echo;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (echo) {
                    Thread.ofVirtual().start(() -> echo(socket));
                } else {
                    accepted.add(socket);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket) {
            socket.getInputStream().transferTo(socket.getOutputStream());
        } catch (IOException ignored) {
            // peer gone
        }
    }

    Socket next() throws InterruptedException {
        Socket socket = accepted.poll(5, TimeUnit.SECONDS);
        if (socket == null) {
            throw new AssertionError("no connection accepted");
        }
        return socket;
    }

    static byte[] readExactly(Socket socket, int n) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        return in.readNBytes(n);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
