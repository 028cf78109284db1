package io.mipgate.emulator;

import io.mipgate.emulator.model.Dialect;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.net.PingService;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Everything that shapes one virtual module. Build with {@link #builder(EmulatedFamily)}.
 *
 * @param model          what the emulated family does (the emulator's own facts, not the driver's profile)
 * @param firmware       manual or field behaviour
 * @param identity       manufacturer, model, firmware string, IMEI, serial
 * @param echoAfterBoot  ATE state after power-up (FIELD §3: ON)
 * @param cmeeAfterBoot  AT+CMEE state after power-up (FIELD §3: numeric)
 * @param guardTime      silence required before and after {@code +++}
 * @param bootDelay      time from power-up / reboot to {@code +MATREADY}
 * @param openDelay      extra delay before the {@code +MIPOPEN:} result of a successful open (FIELD §6: ~236 ms)
 * @param pingInterval   pause between AT+MPING echo requests
 * @param baud           serial line rate to imitate; 0 = unlimited
 * @param lineRate       the module's {@code AT+IPR} setting at first power-up: a fixed rate a host must match, or 0
 *                       for automatic rate (the factory setting, FIELD §13); AT+IPR changes it and it survives reboots
 * @param ping           how AT+MPING reaches the host (ICMP where the process may, else TCP connect); shared by
 *                       modules, detected once by default
 * @param networkDns     DNS servers "provided by the network": used while the host has not configured any (manual
 *                       priority: user NV, network, built-in default); tests point this at a loopback responder
 * @param zone           time zone of AT+MNTP / AT+CCLK answers
 * @param promptTimeout  what an expired {@code <send_timeout>} does
 * @param dnsPort        UDP port of every DNS server the module asks (53; tests point it at a loopback responder)
 * @param dataCallAtBoot whether PDP context 1 is active after power-up (FIELD §5: the module activates it itself)
 * @param simApn         the APN the SIM provides when the host configured none (FIELD §5: "CMIOT" on China Mobile
 *                       IoT SIMs); null: the SIM provides none, so activating without AT+CGDCONT fails with 575
 */
public record EmulatorConfig(
        ModelFacts model,
        FirmwareProfile firmware,
        ModuleIdentity identity,
        boolean echoAfterBoot,
        int cmeeAfterBoot,
        Duration guardTime,
        Duration bootDelay,
        Duration openDelay,
        Duration pingInterval,
        int baud,
        int lineRate,
        PingService ping,
        List<InetAddress> networkDns,
        ZoneOffset zone,
        PromptTimeoutPolicy promptTimeout,
        int dnsPort,
        boolean dataCallAtBoot,
        String simApn) {

    public EmulatorConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(ping, "ping");
        networkDns = List.copyOf(networkDns);
    }

    public static Builder builder(EmulatedFamily family) {
        return new Builder(family);
    }

    public static final class Builder {
        private ModelFacts model;
        private FirmwareProfile firmware = FirmwareProfile.MANUAL;
        private ModuleIdentity identity;
        private boolean echo = true;
        private int cmee = 1;
        private Duration guardTime = Duration.ofMillis(1000);
        private Duration bootDelay = Duration.ofMillis(500);
        private Duration openDelay = Duration.ZERO;
        private Duration pingInterval = Duration.ofSeconds(1);
        private int baud;
        private int lineRate;
        private PingService ping;
        private List<InetAddress> networkDns = List.of();
        private ZoneOffset zone = ZoneOffset.ofHours(8);
        private PromptTimeoutPolicy promptTimeout = PromptTimeoutPolicy.SEND_RECEIVED;
        private int dnsPort = 53;
        private boolean dataCallAtBoot = true;
        private String simApn = "CMIOT";

        private Builder(EmulatedFamily family) {
            this.model = family.facts();
            this.identity = ModuleIdentity.defaults(family);
        }

        public Builder model(ModelFacts facts) {
            this.model = facts;
            return this;
        }

        /** Runs the family in another dialect than its own, e.g. an ML302A with the manual's V5.0.0 output. */
        public Builder dialect(Dialect dialect) {
            this.model = model.withDialect(dialect);
            return this;
        }

        public Builder firmware(FirmwareProfile profile) {
            this.firmware = profile;
            return this;
        }

        public Builder identity(ModuleIdentity id) {
            this.identity = id;
            return this;
        }

        public Builder echo(boolean on) {
            this.echo = on;
            return this;
        }

        public Builder cmee(int mode) {
            this.cmee = mode;
            return this;
        }

        public Builder guardTime(Duration d) {
            this.guardTime = d;
            return this;
        }

        public Builder bootDelay(Duration d) {
            this.bootDelay = d;
            return this;
        }

        public Builder openDelay(Duration d) {
            this.openDelay = d;
            return this;
        }

        public Builder pingInterval(Duration d) {
            this.pingInterval = d;
            return this;
        }

        public Builder baud(int rate) {
            this.baud = rate;
            return this;
        }

        /** The {@code AT+IPR} rate the module starts at (0 = automatic), e.g. 921600 to make a host search for it. */
        public Builder lineRate(int rate) {
            if (rate != 0 && !ModuleUart.FIXED_RATES.contains(rate)) {
                throw new IllegalArgumentException("line rate must be 0 or one of " + ModuleUart.FIXED_RATES + ": "
                        + rate);
            }
            this.lineRate = rate;
            return this;
        }

        public Builder ping(PingService service) {
            this.ping = service;
            return this;
        }

        public Builder networkDns(List<InetAddress> servers) {
            this.networkDns = servers;
            return this;
        }

        public Builder zone(ZoneOffset offset) {
            this.zone = offset;
            return this;
        }

        public Builder promptTimeout(PromptTimeoutPolicy policy) {
            this.promptTimeout = policy;
            return this;
        }

        public Builder dnsPort(int port) {
            this.dnsPort = port;
            return this;
        }

        public Builder dataCallAtBoot(boolean active) {
            this.dataCallAtBoot = active;
            return this;
        }

        public Builder simApn(String apn) {
            this.simApn = apn;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(model, firmware, identity, echo, cmee, guardTime, bootDelay, openDelay,
                    pingInterval, baud, lineRate, ping != null ? ping : DetectedPing.SERVICE, networkDns, zone, promptTimeout,
                    dnsPort, dataCallAtBoot, simApn);
        }
    }

    /** Probing for ICMP sockets costs a few system calls; done once, on first use. */
    private static final class DetectedPing {
        static final PingService SERVICE = PingService.detect();
    }
}
