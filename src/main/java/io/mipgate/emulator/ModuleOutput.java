package io.mipgate.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's transmit side. Every call writes one unit (a line, a whole answer, a raw block) under one lock, so the
 * bytes of two units never interleave; bytes are paced by the line rate. While a connection is in transparent mode,
 * URCs of other connections are held back and released when the port returns to command mode.
 */
final class ModuleOutput {

    private static final Logger log = LoggerFactory.getLogger(ModuleOutput.class);
    static final byte[] CRLF = {'\r', '\n'};

    private final LineRate rate;
    private final ModuleUart uart;
    private OutputStream sink;
    private boolean holdUrcs;
    private final List<byte[]> held = new ArrayList<>();

    ModuleOutput(LineRate rate, ModuleUart uart) {
        this.rate = rate;
        this.uart = uart;
    }

    synchronized void attach(OutputStream out) {
        this.sink = out;
    }

    /** Detaches and closes the host side (the host sees EOF). */
    synchronized void detach() {
        OutputStream out = sink;
        sink = null;
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the host is gone either way
            }
        }
    }

    synchronized boolean attached() {
        return sink != null;
    }

    /** {@code CR LF line CR LF}. */
    static byte[] frame(String line) {
        return frame(line.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] frame(byte[] line) {
        byte[] out = new byte[line.length + 4];
        out[0] = '\r';
        out[1] = '\n';
        System.arraycopy(line, 0, out, 2, line.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    void line(String text) {
        write(frame(text));
    }

    /** An unsolicited line, held back while the port is in transparent mode. */
    void urc(byte[] framed) {
        synchronized (this) {
            if (holdUrcs) {
                held.add(framed);
                return;
            }
        }
        write(framed);
    }

    void urc(String text) {
        urc(frame(text));
    }

    void holdUrcs(boolean hold) {
        List<byte[]> release;
        synchronized (this) {
            holdUrcs = hold;
            if (hold) {
                return;
            }
            release = new ArrayList<>(held);
            held.clear();
        }
        release.forEach(this::write);
    }

    synchronized void clearHeld() {
        held.clear();
    }

    synchronized void write(byte[] unit) {
        OutputStream out = sink;
        if (out == null || unit.length == 0) {
            return;
        }
        byte[] bytes = uart.inStep() ? unit : ModuleUart.garbled(unit);
        if (log.isTraceEnabled()) {
            log.trace("TX {}", io.mipgate.domain.Printable.escape(bytes, 0, bytes.length, 200));
        }
        try {
            int chunk = rate.chunkSize();
            if (chunk >= bytes.length) {
                out.write(bytes);
                out.flush();
                rate.pace(bytes.length);
                return;
            }
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                int n = Math.min(chunk, bytes.length - offset);
                out.write(Arrays.copyOfRange(bytes, offset, offset + n));
                out.flush();
                rate.pace(n);
            }
        } catch (IOException e) {
            log.debug("host side closed while writing: {}", e.toString());
            sink = null;
        }
    }
}
