package io.mipgate.emulator;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * The module's UART: the rate it is set to ({@code AT+IPR}, 0 = automatic) against the rate the host's side of the
 * line runs at. A real UART receiving at the wrong rate sees framing errors, not characters; so while the two rates
 * differ the module drops what the host sends and the host receives garbage for what the module sends. The rate
 * setting survives reboots (FIELD-NOTES §2, §13).
 *
 * <p>What the host's rate is depends on the attachment: a pseudo-terminal shows the termios speed the host set on
 * its side; a TCP serial server has the rate it was configured with (or that RFC 2217 set); an in-process host has
 * none (0), and a host without a rate is always in step, as is a module on automatic rate.
 */
final class ModuleUart {

    /** The fixed rates {@code AT+IPR} accepts: the ones drivers probe (FIELD-NOTES §13, esp-ml307). */
    static final List<Integer> FIXED_RATES = List.of(9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600);

    private volatile int rate;
    private volatile IntSupplier hostRate = () -> 0;
    private int commandsToIgnore;
    private volatile int commandsIgnored;
    private long droppedBytes;

    ModuleUart(int rate) {
        this.rate = rate;
    }

    /** The {@code AT+IPR} setting: a fixed rate, or 0 for automatic rate detection. */
    int rate() {
        return rate;
    }

    /**
     * Sets the rate ({@code AT+IPR=<rate>}, once its {@code OK} is on the wire). The next {@code ignoredCommands}
     * command lines go unanswered: right after a change field firmware misses its first commands at the new rate
     * (FIELD-NOTES §13). Loop only.
     */
    void change(int newRate, int ignoredCommands) {
        rate = newRate;
        commandsToIgnore = ignoredCommands;
    }

    /** Where the host's rate is read from on each chunk; {@code () -> 0} for a host without a rate. */
    void hostRate(IntSupplier source) {
        hostRate = source;
    }

    /** Whether bytes cross the line intact: the module is on automatic rate, the host has none, or they agree. */
    boolean inStep() {
        int module = rate;
        if (module == 0) {
            return true;
        }
        int host = hostRate.getAsInt();
        return host == 0 || host == module;
    }

    /** Loop only: whether this command line is one the module misses right after a rate change. */
    boolean ignoresCommand() {
        if (commandsToIgnore == 0) {
            return false;
        }
        commandsToIgnore--;
        commandsIgnored++;
        return true;
    }

    /** Command lines left unanswered after rate changes, in all. */
    int commandsIgnored() {
        return commandsIgnored;
    }

    /** Counts host bytes lost to a rate mismatch (framing errors on the module's side). */
    synchronized void dropped(int bytes) {
        droppedBytes += bytes;
    }

    synchronized long droppedBytes() {
        return droppedBytes;
    }

    /**
     * What the host's UART makes of bytes sent at another rate: no CR, no LF and nothing printable survives (every
     * byte comes out with its top bit set), so the host can never mistake it for an answer.
     */
    static byte[] garbled(byte[] bytes) {
        byte[] noise = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            noise[i] = (byte) (0x80 | ((bytes[i] * 37 + i) & 0x7F));
        }
        return noise;
    }
}
