package io.mipgate.module;

import io.mipgate.transport.Link;
import io.mipgate.transport.LinkFactory;
import io.mipgate.transport.LinkSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A link factory around another that can make the line fail the ways a cable, a USB hub or a hung module do: refuse
 * to open, or swallow everything the gateway writes (a module that hears nothing and so never answers), optionally
 * until the gateway sends a soft reboot.
 */
final class FaultyLinks implements LinkFactory {

    /**
     * PASS: a healthy line. REFUSE_OPEN: the device is gone. MUTE: the module hears nothing the gateway writes.
     * MUTE_UNTIL_REBOOT: as MUTE until the gateway sends AT+MREBOOT. DEAF: the gateway hears nothing the module says.
     */
    enum Mode { PASS, REFUSE_OPEN, MUTE, MUTE_UNTIL_REBOOT, DEAF }

    private final LinkFactory inner;
    private volatile Mode mode = Mode.PASS;
    /** Rewrites what the module says before the gateway hears it (whole lines: the emulator writes a line at once). */
    private volatile UnaryOperator<String> inbound = UnaryOperator.identity();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger rebootsHeard = new AtomicInteger();
    /** Writes of the gateway that contained a command the test watches for ({@link #watch}). */
    final AtomicInteger watchedHeard = new AtomicInteger();
    private volatile String watched = "\u0000";
    private final Object replyGate = new Object();
    private boolean repliesHeld;

    FaultyLinks(LinkFactory inner) {
        this.inner = inner;
    }

    void mode(Mode value) {
        mode = value;
    }

    /** Counts, in {@link #watchedHeard}, the gateway's writes that contain {@code command}. */
    void watch(String command) {
        watched = command;
    }

    /** Replaces every match of {@code pattern} in what the module says; the replacement is never longer. */
    void rewriteInbound(Pattern pattern, String replacement) {
        inbound = text -> pattern.matcher(text).replaceAll(replacement);
    }

    /** Replaces the first match of {@code pattern} in what the module says, then lets everything through again. */
    void rewriteInboundOnce(Pattern pattern, String replacement) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        inbound = text -> {
            if (done.get() || !pattern.matcher(text).find() || !done.compareAndSet(false, true)) {
                return text;
            }
            return pattern.matcher(text).replaceFirst(replacement);
        };
    }

    /** From now on what the module says reaches the gateway only after {@link #releaseReplies()}. */
    void holdReplies() {
        synchronized (replyGate) {
            repliesHeld = true;
        }
    }

    void releaseReplies() {
        synchronized (replyGate) {
            repliesHeld = false;
            replyGate.notifyAll();
        }
    }

    private void awaitReplyGate() throws IOException {
        synchronized (replyGate) {
            while (repliesHeld) {
                try {
                    replyGate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while replies were held");
                }
            }
        }
    }

    @Override
    public Link create(String moduleId, LinkSpec spec) {
        Link link = inner.create(moduleId, spec);
        return new Link() {
            @Override
            public void open() throws IOException {
                if (mode == Mode.REFUSE_OPEN) {
                    throw new IOException("test: link refused");
                }
                link.open();
                opened.incrementAndGet();
            }

            @Override
            public int read(byte[] buffer, int offset, int len) throws IOException {
                while (true) {
                    int n = link.read(buffer, offset, len);
                    if (n < 0) {
                        return n;
                    }
                    if (mode == Mode.DEAF) {
                        continue;
                    }
                    awaitReplyGate();
                    byte[] heard = inbound.apply(new String(buffer, offset, n, StandardCharsets.ISO_8859_1))
                            .getBytes(StandardCharsets.ISO_8859_1);
                    if (heard.length > 0) {
                        System.arraycopy(heard, 0, buffer, offset, heard.length);
                        return heard.length;
                    }
                }
            }

            @Override
            public void write(byte[] buffer, int offset, int len) throws IOException {
                String text = new String(buffer, offset, len, StandardCharsets.ISO_8859_1);
                if (text.contains(watched)) {
                    watchedHeard.incrementAndGet();
                }
                if (text.contains("AT+MREBOOT")) {
                    rebootsHeard.incrementAndGet();
                    if (mode == Mode.MUTE_UNTIL_REBOOT) {
                        mode = Mode.PASS;
                    }
                }
                if (mode == Mode.PASS || mode == Mode.REFUSE_OPEN || mode == Mode.DEAF) {
                    link.write(buffer, offset, len);
                }
            }

            @Override
            public void close() {
                link.close();
            }

            @Override
            public String describe() {
                return "faulty:" + link.describe();
            }
        };
    }
}
