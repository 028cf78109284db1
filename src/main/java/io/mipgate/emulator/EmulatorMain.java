package io.mipgate.emulator;

import io.mipgate.emulator.model.EmulatedFamily;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Standalone virtual module.
 *
 * <pre>
 * EmulatorMain --model ML307R --tcp 7001 [--admin 7002] [--firmware manual|field] [--baud 115200]
 *              [--echo on|off] [--bind 127.0.0.1] [--boot-delay-ms 500] [--guard-ms 1000] [--dns 127.0.0.1]
 *              [--dns-port 53] [--imei 8699...] [--revision ML307R-DL-MBRH0S01]
 * EmulatorMain --model ML307R --pty /tmp/mipgate/ttyEMU0 ...
 * </pre>
 *
 * {@code --dns} (up to two per family) stands for the DNS servers the network provides; {@code --dns-port} is the
 * port of every DNS server the module asks.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    /** Parsed command line. */
    record Options(EmulatedFamily model, Integer tcpPort, String ptyPath, Integer adminPort, FirmwareProfile firmware,
                   int baud, boolean echo, InetAddress bind, Duration bootDelay, Duration guard,
                   List<InetAddress> dns, int dnsPort, String imei, String revision) {

        EmulatorConfig config() {
            EmulatorConfig.Builder builder = EmulatorConfig.builder(model).firmware(firmware).baud(baud).echo(echo)
                    .bootDelay(bootDelay).guardTime(guard).networkDns(dns).dnsPort(dnsPort);
            ModuleIdentity identity = ModuleIdentity.defaults(model);
            if (imei != null) {
                identity = identity.withImei(imei);
            }
            if (revision != null) {
                identity = identity.withFirmware(revision);
            }
            return builder.identity(identity).build();
        }
    }

    static Options parse(String[] args) throws Exception {
        EmulatedFamily model = EmulatedFamily.ML307R;
        Integer tcp = null;
        String pty = null;
        Integer admin = null;
        FirmwareProfile firmware = FirmwareProfile.MANUAL;
        int baud = 0;
        boolean echo = true;
        InetAddress bind = InetAddress.getLoopbackAddress();
        Duration boot = Duration.ofMillis(500);
        Duration guard = Duration.ofMillis(1000);
        List<InetAddress> dns = new ArrayList<>();
        int dnsPort = 53;
        String imei = null;
        String revision = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--model" -> model = EmulatedFamily.parse(value);
                case "--tcp" -> tcp = Integer.parseInt(value);
                case "--pty" -> pty = value;
                case "--admin" -> admin = Integer.parseInt(value);
                case "--firmware" -> firmware = FirmwareProfile.parse(value);
                case "--baud" -> baud = Integer.parseInt(value);
                case "--echo" -> echo = switch (value) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--echo on|off");
                };
                case "--bind" -> bind = InetAddress.getByName(value);
                case "--boot-delay-ms" -> boot = Duration.ofMillis(Long.parseLong(value));
                case "--guard-ms" -> guard = Duration.ofMillis(Long.parseLong(value));
                case "--dns" -> dns.add(InetAddress.getByName(value));
                case "--dns-port" -> dnsPort = Integer.parseInt(value);
                case "--imei" -> imei = value;
                case "--revision" -> revision = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ((tcp == null) == (pty == null)) {
            throw new IllegalArgumentException("give exactly one of --tcp <port> or --pty <path>");
        }
        return new Options(model, tcp, pty, admin, firmware, baud, echo, bind, boot, guard, dns, dnsPort, imei,
                revision);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (RuntimeException e) {
            System.err.println("emulator: " + e.getMessage());
            System.err.println("usage: --model ML307R (--tcp 7001 | --pty /tmp/mipgate/ttyEMU0) [--admin 7002] "
                    + "[--firmware manual|field] [--baud N] [--echo on|off] [--bind ADDR] [--boot-delay-ms N] "
                    + "[--guard-ms N] [--dns IP] [--dns-port N] [--imei N] [--revision TEXT]");
            System.exit(2);
            return;
        }
        VirtualModule module = new VirtualModule(options.config());
        AutoCloseable serial;
        String where;
        if (options.ptyPath() != null) {
            if (!EmulatorPtyAttachment.isSupported()) {
                System.err.println("emulator: this OS offers no pseudo-terminals; use --tcp");
                System.exit(2);
                return;
            }
            EmulatorPtyAttachment pty = EmulatorPtyAttachment.open(module, Path.of(options.ptyPath()));
            serial = pty;
            where = "pty " + pty.devicePath() + " -> " + pty.slavePath();
        } else {
            EmulatorTcpServer tcp = new EmulatorTcpServer(module, options.bind(), options.tcpPort());
            serial = tcp;
            where = "tcp " + options.bind().getHostAddress() + ":" + tcp.port();
        }
        AdminServer admin = options.adminPort() == null ? null
                : new AdminServer(module.faults(), options.bind(), options.adminPort());
        module.powerOn();
        System.out.println("virtual " + options.model() + " (" + options.firmware().name() + " firmware) on " + where
                + (admin == null ? "" : ", admin on " + admin.port()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            module.close();
            try {
                serial.close();
            } catch (Exception ignored) {
                // exiting anyway; the pty's symlink is what matters and its close does not throw
            }
        }));
        Thread.currentThread().join();
    }
}
