package io.mipgate.emulator;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Transparent mode: host bytes go to the socket in packets of {@code <packet_size>}, or when {@code <waittm>} ms pass
 * without input. {@code +++} with at least the guard time of silence before and after leaves the mode ({@code OK});
 * pluses that do not make an escape are data.
 */
final class TransparentInput implements InputMode {

    private final ModuleCore core;
    private final ConnectionSlot slot;
    private final long guardNanos;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long lastByteAt;
    private int pluses;
    private ModuleLoop.Timer escapeTimer;
    private ModuleLoop.Timer flushTimer;

    TransparentInput(ModuleCore core, ConnectionSlot slot, long enteredAt) {
        this.core = core;
        this.slot = slot;
        this.guardNanos = core.config.guardTime().toNanos();
        this.lastByteAt = enteredAt;
    }

    @Override
    public int consume(byte[] data, int offset, long arrivedNanos) {
        for (int i = offset; i < data.length; i++) {
            feed(data[i], arrivedNanos);
        }
        return data.length - offset;
    }

    private void feed(byte b, long at) {
        if (escapeTimer != null) {
            escapeTimer.cancel();
            escapeTimer = null;
        }
        if (pluses == 3) {
            releasePluses();
        }
        boolean quietBefore = at - lastByteAt >= guardNanos;
        lastByteAt = at;
        if (b == '+' && (pluses > 0 || quietBefore)) {
            pluses++;
            escapeTimer = core.schedule(Duration.ofNanos(guardNanos), pluses == 3 ? this::escape : this::abandon);
            return;
        }
        releasePluses();
        pending.write(b);
        sendFullPackets();
        if (flushTimer != null) {
            flushTimer.cancel();
        }
        flushTimer = core.schedule(Duration.ofMillis(slot.waittm), this::flush);
    }

    private void releasePluses() {
        for (; pluses > 0; pluses--) {
            pending.write('+');
        }
        sendFullPackets();
    }

    private void abandon() {
        escapeTimer = null;
        releasePluses();
        flush();
    }

    private void escape() {
        escapeTimer = null;
        pluses = 0;
        flush();
        slot.mode = io.mipgate.domain.AccessMode.NORMAL;
        core.leaveTransparent(slot, ModuleOutput.frame("OK"));
    }

    private void sendFullPackets() {
        while (pending.size() >= slot.packetSize) {
            byte[] all = pending.toByteArray();
            send(Arrays.copyOf(all, slot.packetSize));
            pending.reset();
            pending.write(all, slot.packetSize, all.length - slot.packetSize);
        }
    }

    private void flush() {
        flushTimer = null;
        if (pending.size() > 0) {
            send(pending.toByteArray());
            pending.reset();
        }
    }

    private void send(byte[] packet) {
        if (slot.connected()) {
            slot.sent += packet.length;
            slot.connection.send(packet);
        }
    }

    void cancelTimers() {
        if (escapeTimer != null) {
            escapeTimer.cancel();
        }
        if (flushTimer != null) {
            flushTimer.cancel();
        }
    }
}
