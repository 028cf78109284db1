package io.mipgate.emulator;

import java.util.Objects;

/**
 * The radio world around the virtual module, which an operator or a test changes while it runs: signal levels, the
 * network's registration verdict, whether a SIM is inserted. The module's answers (AT+CSQ, AT+CEREG?, AT+CIMI...)
 * derive from these and from its own state (AT+CFUN). Thread-safe: read on the module loop, written from anywhere.
 */
public final class NetworkConditions {

    /** A SIM's identity. */
    public record Sim(String iccid, String imsi) {
        public Sim {
            Objects.requireNonNull(iccid, "iccid");
            Objects.requireNonNull(imsi, "imsi");
        }
    }

    /**
     * Signal levels; a null {@code rssiDbm} means no signal is detectable (AT+CSQ answers 99).
     *
     * @param rsrqDb in 0.5 dB steps
     */
    public record Signal(Integer rssiDbm, int rsrpDbm, double rsrqDb) {
    }

    public static final Sim DEFAULT_SIM = new Sim("89860412102080012345", "460041234567890");
    public static final Signal DEFAULT_SIGNAL = new Signal(-71, -95, -9.0);

    private volatile Signal signal = DEFAULT_SIGNAL;
    private volatile int registration = 1;
    private volatile Sim sim = DEFAULT_SIM;
    private volatile String operatorName = "CHINA MOBILE";
    private volatile Runnable onChange = () -> { };

    public Signal signal() {
        return signal;
    }

    public void signal(Signal level) {
        signal = Objects.requireNonNull(level, "level");
    }

    /** The network's verdict as a 27.007 {@code <stat>} (1 home, 5 roaming, 2 searching, 3 denied, 0 none). */
    public int registration() {
        return registration;
    }

    public void registration(int stat) {
        if (stat < 0 || stat > 10) {
            throw new IllegalArgumentException("<stat> is 0..10, not " + stat);
        }
        registration = stat;
        onChange.run();
    }

    /** The inserted SIM, or null when none is. */
    public Sim sim() {
        return sim;
    }

    public void sim(Sim inserted) {
        sim = inserted;
        onChange.run();
    }

    /** Who learns of a registration or SIM change: the module, whose data call depends on them. */
    void onChange(Runnable listener) {
        onChange = listener;
    }

    public String operatorName() {
        return operatorName;
    }
}
