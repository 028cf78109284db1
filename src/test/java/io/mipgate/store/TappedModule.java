package io.mipgate.store;

import io.mipgate.emulator.EmulatorConfig;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.emulator.model.EmulatedFamily;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A virtual module outside the gateway, its serial line served over loopback TCP (like ser2net) to one host at a
 * time, with a tap on what it says to each host: when every {@code +MIPSACK:} answer went out, which is when the
 * gateway's AT+MIPSACK job was about to finish. The test talks AT to it itself between gateway runs.
 */
final class TappedModule implements AutoCloseable {

    /** What the module said to one attached host. */
    static final class Attachment {
        private static final Pattern DATA_READ = Pattern.compile("^\\+MIPRD: \\d+,\\d+,(\\d+),");

        final List<Instant> sackAnswers = new CopyOnWriteArrayList<>();
        /** Payload bytes handed over in {@code +MIPRD:} answers. */
        volatile long dataRead;
        private final StringBuilder pending = new StringBuilder();
        volatile long bytes;

        synchronized void saw(byte[] b, int off, int len) {
            bytes += len;
            pending.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
            int end;
            while ((end = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, end);
                Matcher read = DATA_READ.matcher(line);
                if (line.startsWith("+MIPSACK:")) {
                    sackAnswers.add(Instant.now());
                } else if (read.find()) {
                    dataRead += Long.parseLong(read.group(1));
                }
                pending.delete(0, end + 1);
            }
            if (pending.length() > 8192) {
                pending.setLength(0);
            }
        }
    }

    private final VirtualModule module;
    private final ServerSocket server;
    private final Thread acceptor;
    final List<Attachment> attachments = new CopyOnWriteArrayList<>();

    TappedModule(int baud) throws IOException {
        this.module = new VirtualModule(EmulatorConfig.builder(EmulatedFamily.ML307R).bootDelay(Duration.ZERO)
                .guardTime(Duration.ofMillis(50)).baud(baud).build());
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = Thread.ofPlatform().daemon().name("tapped-module").start(this::accept);
        module.powerOn();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket host = server.accept();
                host.setTcpNoDelay(true);
                Attachment attachment = new Attachment();
                attachments.add(attachment);
                OutputStream toHost = new FilterOutputStream(host.getOutputStream()) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        attachment.saw(b, off, len);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }
                };
                module.attach(host.getInputStream(), toHost);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Attaches as a host of its own and runs commands; the module stays as it is when the socket closes. */
    AtSession session() throws IOException {
        return new AtSession(new Socket(InetAddress.getLoopbackAddress(), port()));
    }

    @Override
    public void close() throws IOException {
        server.close();
        module.close();
    }

    static final class AtSession implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final StringBuilder heard = new StringBuilder();

        AtSession(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(15_000);
            this.in = socket.getInputStream();
        }

        /** Sends a command and returns everything up to the first line matching {@code until}. */
        Matcher command(String command, String until) throws IOException {
            socket.getOutputStream().write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            return await(until);
        }

        Matcher await(String until) throws IOException {
            Pattern pattern = Pattern.compile(until, Pattern.MULTILINE);
            byte[] buffer = new byte[1024];
            while (true) {
                Matcher matcher = pattern.matcher(heard.toString());
                if (matcher.find()) {
                    heard.delete(0, matcher.end());
                    return matcher;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("module line closed while waiting for " + until + "; heard " + heard);
                }
                heard.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
