package io.mipgate.emulator.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The fallback when ICMP sockets are not permitted: times a TCP connect to {@code port}. The target's kernel answers a
 * SYN with SYN-ACK (port open) or RST (port closed) — either proves the host is up and measures the real path, like
 * {@code InetAddress.isReachable} does without privileges (it uses port 7). No answer within the timeout is a timeout.
 * There is no reply packet to read a TTL from, so {@value #REPORTED_TTL} (the Linux default) is reported.
 *
 * <p>Caveat: behind a transparent TCP proxy (as in the build sandbox, where a connect to any outside address succeeds
 * at once) this method reports every host as reachable with the proxy's round trip. Prefer ICMP wherever allowed.
 */
public final class TcpConnectPinger implements Pinger {

    public static final int REPORTED_TTL = 64;
    /** The echo port, as {@code InetAddress.isReachable} uses. */
    public static final int DEFAULT_PORT = 7;

    private final int port;

    public TcpConnectPinger() {
        this(DEFAULT_PORT);
    }

    public TcpConnectPinger(int port) {
        this.port = port;
    }

    @Override
    public PingMethod method() {
        return PingMethod.TCP_CONNECT;
    }

    @Override
    public PingResult ping(InetAddress target, Duration timeout, int packetLen) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target, port), (int) Math.max(1, timeout.toMillis()));
            return reply(target, packetLen, start);
        } catch (SocketTimeoutException e) {
            return new PingResult.TimedOut();
        } catch (NoRouteToHostException e) {
            return new PingResult.ReplyError("no route to host: " + e.getMessage());
        } catch (ConnectException e) {
            // "Connection refused" is the RST: the host answered. Anything else (network unreachable) is an error.
            if (String.valueOf(e.getMessage()).contains("refused")) {
                return reply(target, packetLen, start);
            }
            return new PingResult.ReplyError(e.getMessage());
        } catch (IOException e) {
            return new PingResult.Failed(e.toString());
        }
    }

    private PingResult reply(InetAddress target, int packetLen, long start) {
        Duration rtt = Duration.ofNanos(System.nanoTime() - start);
        return new PingResult.Reply(target, packetLen, rtt, REPORTED_TTL, PingMethod.TCP_CONNECT);
    }
}
