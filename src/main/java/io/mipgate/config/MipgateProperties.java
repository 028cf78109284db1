package io.mipgate.config;

import io.mipgate.module.ModuleSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code mipgate.*}: the modules this gateway owns and how their workers behave.
 *
 * <pre>
 * mipgate:
 *   modules:
 *     - id: gw1-m0
 *       port: "serial:/dev/ttyUSB2?baud=115200"
 *       model: auto
 * </pre>
 */
@ConfigurationProperties("mipgate")
public class MipgateProperties {

    private List<Module> modules = new ArrayList<>();
    private Duration startupWait = Duration.ofSeconds(30);
    private Discovery discovery = new Discovery();

    public List<Module> getModules() {
        return modules;
    }

    public void setModules(List<Module> modules) {
        this.modules = modules;
    }

    public Duration getStartupWait() {
        return startupWait;
    }

    public void setStartupWait(Duration startupWait) {
        this.startupWait = startupWait;
    }

    public Discovery getDiscovery() {
        return discovery;
    }

    public void setDiscovery(Discovery discovery) {
        this.discovery = discovery;
    }

    /** One attached module. */
    public static class Module {
        private String id;
        /** {@code serial:/dev/ttyUSB2?baud=115200}, {@code tcp://host:port} or {@code emulator:ML307R}. */
        private String port;
        /** A model family (ML307R, MN316, …) or {@code auto} to identify it from ATI / AT+CGMR. */
        private String model = "auto";
        private int queueCapacity = 64;
        private DataSize receiveBuffer = DataSize.ofKilobytes(256);
        private Duration sackInterval = Duration.ofSeconds(30);
        private Duration reconcileInterval = Duration.ofSeconds(60);
        private Duration backoffInitial = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(30);
        private int maxRecoveryAttempts;
        /** Soft reboots (AT+MREBOOT) per recovery episode before the module is FAILED; 0 never reboots it. */
        private int softReboots = 2;
        /** Consecutive command timeouts, each resynchronised, after which the module is rebooted. */
        private int timeoutsBeforeReboot = 10;
        /** Reopens in which the link opened but the module stayed silent, before a soft reboot. */
        private int reopensBeforeReboot = 3;
        private Duration bootWait = Duration.ofSeconds(3);
        private Duration escapeGuard = Duration.ofSeconds(1);
        private boolean closeOnShutdown;
        /** APN of the data call the gateway activates when the module has none up; unset: the SIM's. */
        private String apn;
        /** What start-up does when the module does not answer at the link's rate (serial links only). */
        private LineRateSearch lineRateSearch = new LineRateSearch();

        public LineRateSearch getLineRateSearch() {
            return lineRateSearch;
        }

        public void setLineRateSearch(LineRateSearch lineRateSearch) {
            this.lineRateSearch = lineRateSearch;
        }

        public String getApn() {
            return apn;
        }

        public void setApn(String apn) {
            this.apn = apn;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getPort() {
            return port;
        }

        public void setPort(String port) {
            this.port = port;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public DataSize getReceiveBuffer() {
            return receiveBuffer;
        }

        public void setReceiveBuffer(DataSize receiveBuffer) {
            this.receiveBuffer = receiveBuffer;
        }

        public Duration getSackInterval() {
            return sackInterval;
        }

        public void setSackInterval(Duration sackInterval) {
            this.sackInterval = sackInterval;
        }

        public Duration getReconcileInterval() {
            return reconcileInterval;
        }

        public void setReconcileInterval(Duration reconcileInterval) {
            this.reconcileInterval = reconcileInterval;
        }

        public Duration getBackoffInitial() {
            return backoffInitial;
        }

        public void setBackoffInitial(Duration backoffInitial) {
            this.backoffInitial = backoffInitial;
        }

        public Duration getBackoffMax() {
            return backoffMax;
        }

        public void setBackoffMax(Duration backoffMax) {
            this.backoffMax = backoffMax;
        }

        public int getMaxRecoveryAttempts() {
            return maxRecoveryAttempts;
        }

        public void setMaxRecoveryAttempts(int maxRecoveryAttempts) {
            this.maxRecoveryAttempts = maxRecoveryAttempts;
        }

        public int getSoftReboots() {
            return softReboots;
        }

        public void setSoftReboots(int softReboots) {
            this.softReboots = softReboots;
        }

        public int getTimeoutsBeforeReboot() {
            return timeoutsBeforeReboot;
        }

        public void setTimeoutsBeforeReboot(int timeoutsBeforeReboot) {
            this.timeoutsBeforeReboot = timeoutsBeforeReboot;
        }

        public int getReopensBeforeReboot() {
            return reopensBeforeReboot;
        }

        public void setReopensBeforeReboot(int reopensBeforeReboot) {
            this.reopensBeforeReboot = reopensBeforeReboot;
        }

        public Duration getBootWait() {
            return bootWait;
        }

        public void setBootWait(Duration bootWait) {
            this.bootWait = bootWait;
        }

        public Duration getEscapeGuard() {
            return escapeGuard;
        }

        public void setEscapeGuard(Duration escapeGuard) {
            this.escapeGuard = escapeGuard;
        }

        public boolean isCloseOnShutdown() {
            return closeOnShutdown;
        }

        public void setCloseOnShutdown(boolean closeOnShutdown) {
            this.closeOnShutdown = closeOnShutdown;
        }
    }

    /**
     * Finding a module left at another line rate (FIELD-NOTES §13): the rates are tried with a short AT each, and
     * where the module answers, AT+IPR moves it to the rate of its link.
     */
    public static class LineRateSearch {
        private static final ModuleSettings.LineRateSearch DEFAULTS = ModuleSettings.LineRateSearch.DEFAULTS;

        /** Search at all; off, a module at another rate stays silent and is recovered as a dead line. */
        private boolean enabled = DEFAULTS.enabled();
        /** Rates to try, in order (esp-ml307's: 115200, 921600, 460800, 230400, 57600, 38400, 19200, 9600). */
        private List<Integer> rates = new ArrayList<>(DEFAULTS.rates());
        /** How long one AT at one rate waits for an answer. */
        private Duration probeTimeout = DEFAULTS.probeTimeout();
        /** AT probes at the new rate after AT+IPR: field firmware misses the first commands after a change. */
        private int probesAfterChange = DEFAULTS.probesAfterChange();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<Integer> getRates() {
            return rates;
        }

        public void setRates(List<Integer> rates) {
            this.rates = rates;
        }

        public Duration getProbeTimeout() {
            return probeTimeout;
        }

        public void setProbeTimeout(Duration probeTimeout) {
            this.probeTimeout = probeTimeout;
        }

        public int getProbesAfterChange() {
            return probesAfterChange;
        }

        public void setProbesAfterChange(int probesAfterChange) {
            this.probesAfterChange = probesAfterChange;
        }
    }

    /** Probing serial ports nobody configured. */
    public static class Discovery {
        private boolean enabled;
        /** Device name patterns to probe (glob), e.g. {@code /dev/ttyUSB*}. */
        private List<String> include = new ArrayList<>(List.of("/dev/ttyUSB*", "/dev/ttyACM*"));
        private int baud = 115200;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getInclude() {
            return include;
        }

        public void setInclude(List<String> include) {
            this.include = include;
        }

        public int getBaud() {
            return baud;
        }

        public void setBaud(int baud) {
            this.baud = baud;
        }
    }
}
