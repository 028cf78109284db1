package io.mipgate.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes the virtual module misbehave the way real firmware does (FIELD-NOTES "Consequences for an emulator" 8).
 * Thread-safe; callable from tests while the module runs. One-shot faults apply to the next command answered.
 */
public final class FaultInjector {

    private final ModuleCore core;
    private Duration nextDelay = Duration.ZERO;
    private boolean swallowNext;
    private String urcInNext;
    private int forcedError;
    private int forcedErrorCount;
    private Duration nextCloseUrcDelay = Duration.ZERO;
    private volatile int firstDnsError;
    private volatile boolean networkLost;
    private volatile int socketLimit;

    FaultInjector(ModuleCore core, int firstDnsError) {
        this.core = core;
        this.firstDnsError = firstDnsError;
    }

    /** The answer to the next command is written {@code delay} later (URCs keep flowing meanwhile). */
    public synchronized void delayNextResponse(Duration delay) {
        nextDelay = Objects.requireNonNull(delay);
    }

    /** The answer to the next command is never written (the command still takes effect). */
    public synchronized void swallowNextResponse() {
        swallowNext = true;
    }

    /** Writes these bytes to the host now, e.g. garbage, a stray 0xE0, or a line without terminator. */
    public void injectBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        core.post(() -> core.out.write(copy));
    }

    /** Writes this text to the host now, as is (no framing added). */
    public void injectText(String text) {
        injectBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Emits {@code CR LF line CR LF} now, as an unsolicited line. */
    public void emitUrc(String line) {
        core.post(() -> core.out.urc(line));
    }

    /** Places this URC inside the next command's answer: after its first line, or before its final result. */
    public synchronized void injectUrcInNextResponse(String line) {
        urcInNext = Objects.requireNonNull(line);
    }

    /** The next {@code count} commands fail with {@code +CME ERROR: <code>} (rendered per AT+CMEE), unexecuted. */
    public synchronized void failNextCommands(int code, int count) {
        forcedError = code;
        forcedErrorCount = count;
    }

    /** Spontaneous reboot: all connections and buffers are lost, {@code +MATREADY} follows after the boot delay. */
    public void reboot() {
        core.post(core::boot);
    }

    /** Cuts the attachment: the host sees EOF. The module keeps running (its sockets survive, FIELD §6). */
    public void dropAttachment() {
        core.post(core::detach);
    }

    /** The peer resets connection {@code id}: our socket is aborted with RST and {@code "disconn"} (state 2) follows. */
    public void resetConnection(int id) {
        core.post(() -> core.resetByPeer(id));
    }

    /** Paces both directions at {@code baud} (10 bits per byte); 0 removes the limit. */
    public void setBaudRate(int baud) {
        core.setBaud(baud);
    }

    /**
     * The module's UART moves to {@code rate} (0: automatic) as if another host had sent {@code AT+IPR=<rate>}: a
     * gateway at the old rate now has to find it (FIELD-NOTES §13).
     */
    public void setLineRate(int rate) {
        if (rate != 0 && !ModuleUart.FIXED_RATES.contains(rate)) {
            throw new IllegalArgumentException("line rate must be 0 or one of " + ModuleUart.FIXED_RATES + ": " + rate);
        }
        core.post(() -> core.changeRate(rate));
    }

    /** The first AT+MDNSGIP after each boot answers {@code +CME ERROR: <code>} (580 or 581, FIELD §10); 0 = off. */
    public void failFirstDnsAfterBoot(int code) {
        firstDnsError = code;
        core.post(() -> core.state().firstDnsPending = true);
    }

    /** The {@code +MIPCLOSE:} URC of the next close comes {@code delay} late, e.g. after the id was reused. */
    public synchronized void delayNextCloseUrc(Duration delay) {
        nextCloseUrcDelay = Objects.requireNonNull(delay);
    }

    /**
     * A late {@code +MIPURC: "disconn",<id>,<state>} for an earlier connection (in the legacy dialect its
     * {@code "STATE"} and {@code <id>,CLOSED}): the slot itself is untouched.
     */
    public void emitStaleDisconn(int id, int state) {
        core.post(() -> core.out.urc(core.reports.disconnected(id, state)));
    }

    /**
     * The network tears down PDP context 1: every connection gets {@code "disconn"} state 3. The host can activate it
     * again (AT+MIPCALL=1,1) unless the network stays lost.
     */
    public void dropDataCall() {
        core.post(core::dataCallLost);
    }

    /**
     * Coverage lost ({@code true}) or back: while lost the context goes down (as {@link #dropDataCall}) and every
     * activation fails with 571; when coverage is back the host must activate the context again.
     */
    public void networkLost(boolean lost) {
        networkLost = lost;
        if (lost) {
            dropDataCall();
        }
    }

    /**
     * The module's stack can hold only {@code sockets} sockets at once (e.g. MN318's limited memory, AT-REFERENCE
     * 2.1.3): an open beyond it fails with {@code +MIPOPEN: <id>,554}. 0 = as many as there are ids.
     */
    public void limitSockets(int sockets) {
        socketLimit = sockets;
    }

    /** The radio world the module answers from: signal, registration verdict, SIM (operator-changeable). */
    public NetworkConditions network() {
        return core.conditions;
    }

    // --- consumed by the module loop ---

    boolean networkLost() {
        return networkLost;
    }

    int socketLimit() {
        return socketLimit;
    }


    synchronized Duration takeDelay() {
        Duration d = nextDelay;
        nextDelay = Duration.ZERO;
        return d;
    }

    synchronized boolean takeSwallow() {
        boolean s = swallowNext;
        swallowNext = false;
        return s;
    }

    synchronized String takeUrcInNext() {
        String u = urcInNext;
        urcInNext = null;
        return u;
    }

    synchronized int takeForcedError() {
        if (forcedErrorCount <= 0) {
            return 0;
        }
        forcedErrorCount--;
        return forcedError;
    }

    synchronized Duration takeCloseUrcDelay() {
        Duration d = nextCloseUrcDelay;
        nextCloseUrcDelay = Duration.ZERO;
        return d;
    }

    int firstDnsError() {
        return firstDnsError;
    }
}
