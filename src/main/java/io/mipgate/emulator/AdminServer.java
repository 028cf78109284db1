package io.mipgate.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A TCP port taking {@link AdminCommands} lines, one answer line each; several clients may connect. */
public final class AdminServer implements AutoCloseable {

    private final ServerSocket server;
    private final AdminCommands commands;

    public AdminServer(FaultInjector faults, InetAddress bind, int port) throws IOException {
        this.commands = new AdminCommands(faults);
        this.server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        Thread.ofPlatform().daemon().name("emu-admin").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                     StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals("quit")) {
                    return;
                }
                out.println(commands.execute(line));
            }
        } catch (IOException ignored) {
            // client gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
