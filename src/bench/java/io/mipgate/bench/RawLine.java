package io.mipgate.bench;

import io.mipgate.emulator.EmulatorConfig;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.transport.Link;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A minimal host typing AT commands straight on a virtual module's line, with no gateway: the baseline for the
 * added-latency figures (the same AT exchange) and the carrier of the HEX baseline strategy. Everything it reads is
 * kept as ISO-8859-1 text and searched for tokens, the way a line-oriented driver reads a modem.
 */
final class RawLine implements AutoCloseable {

    private final VirtualModule module;
    private final Link line;
    private final StringBuilder seen = new StringBuilder();
    private final byte[] buffer = new byte[16 * 1024];

    /** {@code baud} 0: unpaced. */
    RawLine(int baud) throws Exception {
        module = new VirtualModule(EmulatorConfig.builder(EmulatedFamily.ML307R).baud(baud).build());
        line = module.attachInProcess();
        line.open();
        module.powerOn();
        await("+MATREADY");
        command("ATE0", "OK\r\n");
    }

    /** Writes a command line (CR added) and waits for {@code until}; answers what came before it. */
    String command(String text, String until) throws IOException {
        write(text + "\r");
        return await(until);
    }

    void write(String text) throws IOException {
        line.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] data) throws IOException {
        line.write(data);
    }

    /** Reads until {@code token} appears; answers the text before it and drops both. */
    String await(String token) throws IOException {
        int at;
        while ((at = seen.indexOf(token)) < 0) {
            fill();
        }
        String before = seen.substring(0, at);
        seen.delete(0, at + token.length());
        return before;
    }

    /** The next complete line (without CR LF), skipping empty ones: how a line-parsing driver sees URCs. */
    String nextLine() throws IOException {
        while (true) {
            int end;
            while ((end = seen.indexOf("\r\n")) < 0) {
                fill();
            }
            String text = seen.substring(0, end);
            seen.delete(0, end + 2);
            if (!text.isEmpty()) {
                return text;
            }
        }
    }

    private void fill() throws IOException {
        int n = line.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException("module line closed");
        }
        seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() {
        line.close();
        module.close();
    }
}
