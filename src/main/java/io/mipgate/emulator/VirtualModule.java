package io.mipgate.emulator;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.transport.InProcessLink;
import io.mipgate.transport.Link;
import io.mipgate.transport.LinkStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A virtual OneMO module: the module side of the serial line, byte-faithful to AT-REFERENCE (or to field firmware,
 * per {@link FirmwareProfile}), with real sockets on the host behind AT+MIPOPEN.
 *
 * <pre>{@code
 * VirtualModule module = new VirtualModule(EmulatorConfig.builder(EmulatedFamily.ML307R).build());
 * Link host = module.attachInProcess();   // or EmulatorTcpServer, EmulatorPtyAttachment, attach(in, out)
 * module.powerOn();                       // +MATREADY after the boot delay
 * module.faults().reboot();
 * }</pre>
 *
 * The module outlives attachments: a host may detach and re-attach while connections stay open (FIELD §6).
 */
public final class VirtualModule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VirtualModule.class);
    private static final int MAX_CHUNK = 4096;

    private final ModuleCore core;
    private InputStream fromHost;
    private Thread pump;

    public VirtualModule(EmulatorConfig config) {
        this.core = new ModuleCore(config);
        core.onDetach(this::closeInput);
    }

    public static VirtualModule of(EmulatedFamily family) {
        return new VirtualModule(EmulatorConfig.builder(family).build());
    }

    public EmulatorConfig config() {
        return core.config;
    }

    public FaultInjector faults() {
        return core.faults;
    }

    /** Signal, registration and SIM as the module sees them; changing them changes its AT answers. */
    public NetworkConditions network() {
        return core.conditions;
    }

    /** Starts the module (power-up): {@code +MATREADY} follows after the boot delay. Idempotent. */
    public void powerOn() {
        core.start();
    }

    /**
     * Attaches through an {@link InProcessLink} pair (replacing any current host) and returns the host's end, already
     * open: what the module sends is read from it, what the host types is written to it. Closing it detaches the
     * host as pulling a cable would; detaching the module ends its reads with end of stream.
     */
    public Link attachInProcess() {
        InProcessLink.Pair pair = InProcessLink.pair();
        attach(LinkStreams.inputStream(pair.moduleSide()), LinkStreams.outputStream(pair.moduleSide()));
        return pair.gatewaySide();
    }

    /** Attaches a host (replacing any current one): module output goes to {@code toHost}, input is read from {@code in}. */
    public void attach(InputStream in, OutputStream toHost) {
        attach(in, toHost, () -> 0);
    }

    /**
     * Attaches a host whose side of the line runs at {@code hostRate} (read whenever bytes cross; 0 = no rate, always
     * in step): while it differs from the module's {@code AT+IPR} rate, bytes are lost both ways.
     */
    public synchronized void attach(InputStream in, OutputStream toHost, java.util.function.IntSupplier hostRate) {
        detach();
        core.uart.hostRate(hostRate);
        this.fromHost = in;
        core.out.attach(toHost);
        pump = Thread.ofPlatform().daemon().name("emu-rx").start(() -> pump(in));
    }

    /** Detaches the current host; it sees EOF. */
    public synchronized void detach() {
        core.out.detach();
        closeInput();
    }

    public boolean attached() {
        return core.out.attached();
    }

    private synchronized void closeInput() {
        InputStream in = fromHost;
        fromHost = null;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // detaching anyway
            }
        }
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[MAX_CHUNK];
        try {
            while (true) {
                int n = in.read(buffer, 0, Math.min(buffer.length, core.rxRate.chunkSize()));
                if (n < 0) {
                    break;
                }
                core.rxRate.pace(n);
                if (!core.uart.inStep()) {
                    core.uart.dropped(n);
                    continue;
                }
                byte[] chunk = Arrays.copyOf(buffer, n);
                long at = System.nanoTime();
                core.post(() -> core.onInput(chunk, at));
            }
        } catch (IOException e) {
            log.debug("host input ended: {}", e.toString());
        }
        synchronized (this) {
            if (fromHost == in) {
                detach();
            }
        }
    }

    /** The module's {@code AT+IPR} setting: a fixed rate, or 0 while on automatic rate. */
    public int lineRate() {
        return core.uart.rate();
    }

    /** Command lines the module left unanswered right after AT+IPR changed its rate (field firmware, FIELD §13). */
    public int commandsMissedAfterRateChange() {
        return core.uart.commandsIgnored();
    }

    /** Bytes from the host lost because they were sent at another rate than the module's. */
    public long bytesLostToRateMismatch() {
        return core.uart.droppedBytes();
    }

    /** The connect_ids the module holds a live connection on, read on its own loop: the module's truth for tests. */
    public SortedSet<Integer> connectedIds() {
        CompletableFuture<SortedSet<Integer>> ids = new CompletableFuture<>();
        core.post(() -> {
            SortedSet<Integer> open = new TreeSet<>();
            for (ConnectionSlot slot : core.state().slots) {
                if (slot.state == SlotState.CONNECTED) {
                    open.add(slot.id);
                }
            }
            ids.complete(open);
        });
        return ids.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Stops the module: connections are dropped, the host is detached. */
    @Override
    public void close() {
        detach();
        core.stop();
    }
}
