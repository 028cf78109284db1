package io.mipgate.emulator;

import io.mipgate.domain.CloseMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP client socket. The reader stops reading while the host has not consumed {@code creditLimit} bytes, so in
 * stream-buffer mode the peer is pushed back by real TCP flow control. Writes run on their own virtual thread.
 */
final class TcpConnection implements Connection {

    private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);
    /** Largest block one {@code +MIPURC: "rtcp"} carries (one TCP segment). */
    static final int READ_CHUNK = 1460;
    /** How long a graceful close waits for the peer's FIN; the manual gives no figure (emulator choice). */
    static final Duration PEER_CLOSE_WAIT = Duration.ofSeconds(2);
    private static final int RET_NORMAL = 0;
    private static final int RET_NO_RESPONSE = 1;
    private static final int RET_OTHER = 2;

    private final Socket socket;
    private final Events events;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final Object credit = new Object();
    private long outstanding;
    private int limit;
    private volatile boolean closing;
    /** A graceful close waits for the peer: received data is dropped, its FIN or reset still seen. */
    private volatile boolean draining;
    private final CompletableFuture<Integer> peerEnd = new CompletableFuture<>();

    TcpConnection(Socket socket, Events events, int creditLimit) {
        this.socket = socket;
        this.events = events;
        this.limit = creditLimit;
    }

    @Override
    public void start() {
        Thread.ofVirtual().name("emu-tcp-rx-" + socket.getLocalPort()).start(this::readLoop);
    }

    private void readLoop() {
        byte[] buffer = new byte[READ_CHUNK];
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int room;
                synchronized (credit) {
                    while (outstanding >= limit && !closing && !draining) {
                        credit.wait();
                    }
                    if (closing) {
                        return;
                    }
                    room = draining ? buffer.length : (int) Math.min(buffer.length, limit - outstanding);
                }
                int n = in.read(buffer, 0, room);
                if (n < 0) {
                    peerEnd.complete(RET_NORMAL);
                    if (!closing && !draining) {
                        events.closedByPeer(this, 1);
                    }
                    return;
                }
                if (draining) {
                    continue; // the host is closing: what still arrives is no longer reported
                }
                synchronized (credit) {
                    outstanding += n;
                }
                events.data(this, Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            peerEnd.complete(RET_OTHER);
            if (!closing && !draining) {
                log.debug("tcp read failed: {}", e.toString());
                events.closedByPeer(this, 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void send(byte[] data) {
        writer.execute(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(data);
                out.flush();
                events.written(this, data.length);
            } catch (IOException e) {
                if (!closing) {
                    log.debug("tcp write failed: {}", e.toString());
                    events.closedByPeer(this, 2);
                }
            }
        });
    }

    @Override
    public void close(CloseMode mode, boolean awaitPeer, IntConsumer onClosed) {
        boolean drain = mode == CloseMode.GRACEFUL || mode == CloseMode.GRACEFUL_TIME_WAIT;
        Runnable doClose = () -> {
            int outcome = drain && awaitPeer ? finishWithPeer() : RET_NORMAL;
            stopReading();
            try {
                if (mode == CloseMode.RESET) {
                    socket.setSoLinger(true, 0);
                }
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            onClosed.accept(outcome);
        };
        if (drain) {
            writer.execute(doClose);
            writer.shutdown();
        } else {
            writer.shutdownNow();
            Thread.ofVirtual().start(doClose);
        }
    }

    /**
     * The sent data is out: send FIN and wait for the peer's. Its FIN is a normal close, a reset or a write error
     * "another reason", and silence until {@link #PEER_CLOSE_WAIT} "the server did not respond" (AT-REFERENCE 2.4.2).
     */
    private int finishWithPeer() {
        synchronized (credit) {
            draining = true;
            credit.notifyAll();
        }
        try {
            socket.shutdownOutput();
            return peerEnd.get(PEER_CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException e) {
            return RET_OTHER;
        } catch (TimeoutException e) {
            return RET_NO_RESPONSE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RET_OTHER;
        }
    }

    @Override
    public void resetByPeer() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // the reader reports the loss
        }
    }

    @Override
    public void abandon() {
        stopReading();
        writer.shutdownNow();
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to report
        }
    }

    private void stopReading() {
        closing = true;
        synchronized (credit) {
            credit.notifyAll();
        }
    }

    @Override
    public void consumed(int bytes) {
        synchronized (credit) {
            outstanding = Math.max(0, outstanding - bytes);
            credit.notifyAll();
        }
    }

    @Override
    public void creditLimit(int bytes) {
        synchronized (credit) {
            limit = bytes;
            credit.notifyAll();
        }
    }

    @Override
    public void applyKeepAlive(SlotSettings s) {
        try {
            socket.setKeepAlive(s.keepAlive);
            if (s.keepAlive) {
                socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, s.keepIdle);
                socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, s.keepInterval);
                socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, s.keepCount);
            }
        } catch (SocketException | UnsupportedOperationException e) {
            log.debug("keep-alive options not applied: {}", e.toString());
        } catch (IOException e) {
            log.debug("keep-alive options not applied: {}", e.toString());
        }
    }
}
