package io.mipgate.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a virtual module's serial line over TCP, like ser2net: one host at a time; a second host is turned away
 * while one is attached. When the host leaves, the next one may connect; the module keeps its state.
 *
 * <p>A real serial server has a UART of its own between the network and the module, set to a rate: {@code portRate}
 * (0: none, the bytes always cross, as before). While it differs from the module's AT+IPR rate the module and the
 * host do not understand each other. Raw, only the server's configuration changes it; with {@code rfc2217} the host
 * sets it through Telnet's COM port option ({@link ComPortSession}), each new host starting from {@code portRate}.
 */
public final class EmulatorTcpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmulatorTcpServer.class);

    private final VirtualModule module;
    private final ServerSocket server;
    private final Thread acceptor;
    private final int portRate;
    private final boolean rfc2217;

    public EmulatorTcpServer(VirtualModule module, InetAddress bind, int port) throws IOException {
        this(module, bind, port, 0, false);
    }

    /**
     * @param portRate the rate of the server's own port (0: no rate, always in step with the module)
     * @param rfc2217  speak Telnet with the COM port option, so hosts can set the port's rate
     */
    public EmulatorTcpServer(VirtualModule module, InetAddress bind, int port, int portRate, boolean rfc2217)
            throws IOException {
        this.module = module;
        this.portRate = portRate;
        this.rfc2217 = rfc2217;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port));
        this.acceptor = Thread.ofPlatform().daemon().name("emu-tcp-serial").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket host = server.accept();
                if (module.attached()) {
                    log.info("refusing {}: a host is already attached", host.getRemoteSocketAddress());
                    host.close();
                    continue;
                }
                host.setTcpNoDelay(true);
                if (rfc2217) {
                    ComPortSession session = new ComPortSession(host.getOutputStream(), portRate);
                    module.attach(session.input(host.getInputStream()), session.output(), session::rate);
                } else {
                    module.attach(host.getInputStream(), host.getOutputStream(), () -> portRate);
                }
                log.info("host attached from {}", host.getRemoteSocketAddress());
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("accept failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        module.detach();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
