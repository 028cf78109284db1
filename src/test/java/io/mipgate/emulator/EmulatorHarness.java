package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mipgate.domain.Printable;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.transport.Link;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drives a {@link VirtualModule} through a link (in process unless a test passes another), EmbeddedChannel style: write command bytes, then
 * expect exact lines or bytes. Framing CR LF pairs between lines are skipped; payload bytes are read by count.
 */
final class EmulatorHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30); // generous: a busy machine only makes a failure slower

    final VirtualModule module;
    private final Link host;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int position;
    private boolean echo = true;

    private EmulatorHarness(VirtualModule module, Link host) {
        this.module = module;
        this.host = host;
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = host.read(buffer, 0, buffer.length)) >= 0) {
                    synchronized (received) {
                        received.write(buffer, 0, n);
                        received.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // module detached
            }
        });
    }

    /** Attaches, powers on, waits for {@code +MATREADY} and turns echo off. */
    static EmulatorHarness start(EmulatorConfig config) {
        return handshake(attach(config));
    }

    /** Waits for {@code +MATREADY} and turns echo off. */
    static EmulatorHarness handshake(EmulatorHarness harness) {
        harness.expectLine("+MATREADY");
        harness.command("ATE0");
        harness.expectLine("OK");
        harness.echo = false;
        return harness;
    }

    /** Attaches and powers on; nothing awaited. */
    static EmulatorHarness attach(EmulatorConfig config) {
        VirtualModule module = new VirtualModule(config);
        return over(module, module.attachInProcess());
    }

    /** Drives {@code module} through {@code host}, any link whose other end the module is attached to; powers on. */
    static EmulatorHarness over(VirtualModule module, Link host) {
        EmulatorHarness harness = new EmulatorHarness(module, host);
        module.powerOn();
        return harness;
    }

    static EmulatorConfig.Builder fast(EmulatedFamily family) {
        // the network's DNS server is on loopback, so no lookup ever leaves the machine; tests set its port
        return EmulatorConfig.builder(family).bootDelay(Duration.ZERO).guardTime(Duration.ofMillis(50))
                .pingInterval(Duration.ofMillis(20)).networkDns(List.of(InetAddress.getLoopbackAddress()));
    }

    FaultInjector faults() {
        return module.faults();
    }

    void echo(boolean on) {
        echo = on;
    }

    void send(byte[] bytes) {
        try {
            host.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String text) {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code command + CR}; with echo on, expects it echoed. */
    void command(String command) {
        send(command + "\r");
        if (echo) {
            expectBytes(command + "\r");
        }
    }

    /** Sends a command and expects exactly these lines in answer. */
    void exchange(String command, String... lines) {
        command(command);
        for (String line : lines) {
            expectLine(line);
        }
    }

    private byte[] await(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (received.size() - position < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("timed out waiting for %d bytes; pending: '%s'", count, pending());
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            byte[] all = received.toByteArray();
            return Arrays.copyOfRange(all, position, position + count);
        }
    }

    String pending() {
        synchronized (received) {
            byte[] all = received.toByteArray();
            return Printable.escape(all, position, all.length - position, 400);
        }
    }

    byte[] readBytes(int count) {
        byte[] bytes = await(count);
        position += count;
        return bytes;
    }

    void expectBytes(byte[] expected) {
        byte[] actual = readBytes(expected.length);
        assertThat(Printable.escape(actual, 0, actual.length, 10_000))
                .isEqualTo(Printable.escape(expected, 0, expected.length, 10_000));
    }

    void expectBytes(String expected) {
        expectBytes(expected.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void skipLineBreaks() {
        while (true) {
            byte b = await(1)[0];
            if (b != '\r' && b != '\n') {
                return;
            }
            position++;
        }
    }

    /** The next non-empty line. */
    String nextLine() {
        skipLineBreaks();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            byte[] two = await(2);
            if (two[0] == '\r' && two[1] == '\n') {
                position += 2;
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            line.write(two[0]);
            position++;
        }
    }

    void expectLine(String expected) {
        assertThat(nextLine()).isEqualTo(expected);
    }

    /** Lines up to and including the final result (OK / ERROR / +CME ERROR). */
    List<String> linesUntilFinal() {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = nextLine();
            lines.add(line);
            if (line.equals("OK") || line.equals("ERROR") || line.startsWith("+CME ERROR:")) {
                return lines;
            }
        }
    }

    /** A line made of {@code prefix} and {@code length} payload bytes (which may hold CR LF), then CR LF. */
    byte[] expectDataLine(String prefix, int length) {
        skipLineBreaks();
        expectBytes(prefix);
        byte[] data = readBytes(length);
        expectBytes("\r\n");
        return data;
    }

    /**
     * Pushed payload URCs ({@code prefix<len>,<data>}) until {@code total} bytes arrived; HEX data is decoded.
     */
    byte[] readPushed(String prefix, int total, boolean hex) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < total) {
            skipLineBreaks();
            expectBytes(prefix);
            StringBuilder digits = new StringBuilder();
            for (byte b = readBytes(1)[0]; b != ','; b = readBytes(1)[0]) {
                digits.append((char) b);
            }
            int n = Integer.parseInt(digits.toString());
            byte[] body = readBytes(hex ? 2 * n : n);
            data.writeBytes(hex ? java.util.HexFormat.of().parseHex(new String(body, StandardCharsets.US_ASCII))
                    : body);
            expectBytes("\r\n");
        }
        return data.toByteArray();
    }

    /** Nothing arrives for {@code quiet}. */
    void expectSilence(Duration quiet) {
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(pending()).isEmpty();
    }

    /** Blocks until the host side sees EOF. */
    boolean awaitEof(Duration wait) {
        try {
            org.awaitility.Awaitility.await().atMost(wait).until(() -> !module.attached());
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        host.close();
        module.close();
    }
}
