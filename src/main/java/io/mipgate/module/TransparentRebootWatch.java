package io.mipgate.module;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a module that rebooted while a connection held the line in transparent mode. There every byte the module
 * sends is the peer's payload, so its {@code +MATREADY} (AT-REFERENCE §3.3, FIELD-NOTES §2) reaches the gateway as
 * data and nothing else tells it the connection is gone: the gateway would keep writing a client's bytes into a
 * module that now reads them as commands.
 *
 * <p>The signal chosen: a read that starts with the boot banner after the line was quiet for {@link #QUIET} (a
 * rebooting module sends nothing while it boots; a peer's stream rarely pauses and then starts with exactly that
 * text). Such bytes, and whatever follows them, are held back, and the module is asked: {@code +++} between guard
 * times. An {@code OK} means the module was still in transparent mode, so the banner was the peer's payload: the held
 * bytes are delivered (in order, as the {@code OK} is decoded, before anything that follows it) and the connection
 * goes back to transparent mode with {@code AT+MIPMODE=<id>,1}. No {@code OK} means the module was already in command
 * mode, which only a reboot does to a transparent connection without a {@code "disconn"}: the held bytes were the
 * module's own boot output, and the worker handles a module reset.
 *
 * <p>Why not leave transparent mode on every idle period instead: each check costs two guard times (about 2 s on
 * real firmware, FIELD-NOTES §12) with the line out of transparent mode, and firmware builds have crashed on mode
 * switches (FIELD-NOTES §12), so the check runs only on evidence. What this does not see: a module that withholds
 * its banner until the host sends (auto-baud, FIELD-NOTES §2) and a banner split across reads before its 11th byte;
 * both fall back to the next client send failing, as before.
 */
final class TransparentRebootWatch {

    private static final Logger log = LoggerFactory.getLogger(TransparentRebootWatch.class);
    static final byte[] BANNER = "\r\n+MATREADY".getBytes(StandardCharsets.US_ASCII);
    /** Shorter than any module takes to boot (the emulator: 500 ms; ML307 firmware: seconds). */
    static final Duration QUIET = Duration.ofMillis(300);

    private final WorkerContext context;
    private final TransparentSwitch transparent;
    private final Consumer<String> rebootSeen;
    /** Bytes held while the module is asked; guarded by the module lock; null when nothing is held. */
    private ByteArrayOutputStream held;
    private Instant lastData = Instant.MIN;

    TransparentRebootWatch(WorkerContext context, TransparentSwitch transparent, Consumer<String> rebootSeen) {
        this.context = context;
        this.transparent = transparent;
        this.rebootSeen = rebootSeen;
    }

    /** Reader thread, module lock: whether these transparent bytes are held for a check rather than delivered. */
    boolean hold(byte[] data) {
        Instant now = context.state.now();
        boolean quietBefore = !now.isBefore(lastData.plus(QUIET));
        lastData = now;
        if (held != null) {
            held.writeBytes(data);
            return true;
        }
        Integer bridged = context.table.bridged();
        if (bridged == null || !quietBefore || !startsWithBanner(data)) {
            return false;
        }
        held = new ByteArrayOutputStream();
        held.writeBytes(data);
        log.info("module={} connect_id={} boot banner after {} ms of quiet in transparent mode: asking the module",
                context.id, bridged, QUIET.toMillis());
        context.control("+++", () -> {
            check(bridged);
            return null;
        }).exceptionally(refused -> {
            deliverHeld(bridged);
            return null;
        });
        return true;
    }

    private static boolean startsWithBanner(byte[] data) {
        return data.length >= BANNER.length && Arrays.equals(data, 0, BANNER.length, BANNER, 0, BANNER.length);
    }

    /** Worker thread: is the module still in transparent mode on this connection? */
    private void check(int connectId) throws Exception {
        if (!Integer.valueOf(connectId).equals(context.table.bridged())) {
            deliverHeld(connectId);
            return;
        }
        try {
            transparent.escape(connectId, () -> deliverHeld(connectId));
        } catch (ModuleException.ModuleTimeout silent) {
            rebooted(connectId);
            return;
        } catch (RuntimeException inconclusive) {
            deliverHeld(connectId);
            throw inconclusive;
        }
        log.info("module={} connect_id={} the module answered +++: the banner was payload; back to transparent mode",
                context.id, connectId);
        transparent.enter(connectId);
    }

    /** The held bytes go to the connection that was bridged when they arrived, in order, once. */
    private void deliverHeld(int connectId) {
        context.state.locked(() -> {
            if (held != null) {
                byte[] bytes = held.toByteArray();
                held = null;
                context.table.traffic.received(connectId, null, bytes);
            }
        });
    }

    private void rebooted(int connectId) {
        context.state.locked(() -> {
            int bytes = held == null ? 0 : held.size();
            held = null;
            log.warn("module={} connect_id={} no OK to +++: the module left transparent mode by rebooting ({} bytes of"
                    + " boot output were not payload)", context.id, connectId, bytes);
            transparent.leftWithoutEscape(connectId);
            rebootSeen.accept("boot banner in transparent mode");
        });
    }
}
