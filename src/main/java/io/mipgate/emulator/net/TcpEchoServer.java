package io.mipgate.emulator.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP peer on 127.0.0.1 that echoes every byte back unchanged, one virtual thread per connection. For the emulator's
 * fault injection it can reset a connection (RST via SO_LINGER 0), close it gracefully (FIN, then drain until the
 * client closes), and delay each echo.
 */
public final class TcpEchoServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile Duration echoDelay = Duration.ZERO;

    private TcpEchoServer(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("tcp-echo-" + server.getLocalPort()).start(this::accept);
    }

    /** @param port 0 for an ephemeral port */
    public static TcpEchoServer start(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        return new TcpEchoServer(server);
    }

    public static TcpEchoServer start() throws IOException {
        return start(0);
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetAddress address() {
        return server.getInetAddress();
    }

    /** Every echo is written this long after its bytes were read (applies to chunks read from now on). */
    public void setEchoDelay(Duration delay) {
        this.echoDelay = delay;
    }

    /** Connections accepted so far (including closed ones). */
    public int acceptedCount() {
        return accepted.get();
    }

    /** Open connections, in accept order. */
    public List<Connection> connections() {
        return connections.stream().filter(c -> !c.socket.isClosed()).toList();
    }

    /** Waits until {@code count} connections have been accepted; false on timeout. */
    public boolean awaitAccepted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return true;
    }

    public void resetAll() {
        connections().forEach(Connection::reset);
    }

    public void closeAll() {
        connections().forEach(Connection::closeGracefully);
    }

    /** Stops accepting and closes every connection (gracefully). */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection connection : connections) {
            connection.closeNow();
        }
        try {
            acceptor.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(accepted.getAndIncrement(), socket);
                connections.add(connection);
                Thread.ofVirtual().name("tcp-echo-conn-" + connection.id).start(connection::echo);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One accepted connection. */
    public final class Connection {
        private final int id;
        private final Socket socket;
        private final AtomicLong echoed = new AtomicLong();
        private volatile boolean draining;

        private Connection(int id, Socket socket) {
            this.id = id;
            this.socket = socket;
        }

        /** 0-based accept order. */
        public int id() {
            return id;
        }

        public SocketAddress remoteAddress() {
            return socket.getRemoteSocketAddress();
        }

        public long bytesEchoed() {
            return echoed.get();
        }

        /** Aborts with RST: the client's next read or write fails with "Connection reset". */
        public void reset() {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // already gone
            } finally {
                connections.remove(this);
            }
        }

        /**
         * Sends FIN (the client reads end-of-stream) and stops echoing; the socket is closed once the client closes its
         * side, so unread client bytes never turn the close into a reset.
         */
        public void closeGracefully() {
            draining = true;
            try {
                socket.shutdownOutput();
            } catch (IOException ignored) {
                closeNow();
            }
        }

        private void closeNow() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            } finally {
                connections.remove(this);
            }
        }

        private void echo() {
            byte[] buffer = new byte[16 * 1024];
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (draining) {
                        continue;
                    }
                    Duration delay = echoDelay;
                    if (!delay.isZero()) {
                        Thread.sleep(delay);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    echoed.addAndGet(n);
                }
            } catch (IOException | InterruptedException ended) {
                // reset, closed or interrupted: nothing more to echo
            } finally {
                connections.remove(this);
            }
        }
    }
}
