package io.mipgate.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a virtual module's serial line as raw bytes over TCP, like ser2net: one host at a time; a second host is
 * turned away while one is attached. When the host leaves, the next one may connect; the module keeps its state.
 */
public final class EmulatorTcpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmulatorTcpServer.class);

    private final VirtualModule module;
    private final ServerSocket server;
    private final Thread acceptor;

    public EmulatorTcpServer(VirtualModule module, InetAddress bind, int port) throws IOException {
        this.module = module;
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
                module.attach(host.getInputStream(), host.getOutputStream());
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
