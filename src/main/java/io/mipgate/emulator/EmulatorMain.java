package io.mipgate.emulator;

import io.mipgate.emulator.model.Dialect;
import io.mipgate.emulator.model.EmulatedFamily;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Standalone virtual module.
 *
 * <pre>
 * EmulatorMain --model ML307R --tcp 7001 [--admin 7002] [--firmware manual|field] [--baud 115200] [--line-rate 921600]
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
    record Options(EmulatedFamily model, Integer tcpPort, int portRate, boolean rfc2217, String ptyPath,
                   Integer adminPort, FirmwareProfile firmware,
                   int baud, int lineRate, boolean echo, InetAddress bind, Duration bootDelay, Duration guard,
                   List<InetAddress> dns, int dnsPort, String imei, String revision, Dialect dialect) {

        EmulatorConfig config() {
            EmulatorConfig.Builder builder = EmulatorConfig.builder(model).firmware(firmware).baud(baud)
                    .lineRate(lineRate).echo(echo).bootDelay(bootDelay).guardTime(guard).networkDns(dns)
                    .dnsPort(dnsPort);
            if (dialect != null) {
                builder.dialect(dialect);
            }
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

    /** The command line as picocli reads it; {@link #options()} checks and converts it. */
    @Command(name = "java -jar mipgate.jar emulator", mixinStandardHelpOptions = true, sortOptions = false,
            version = "mipgate virtual module", usageHelpAutoWidth = true,
            description = "Runs one virtual OneMO module on a TCP port (ser2net style) or a pseudo-terminal, without"
                    + " the gateway.")
    static final class Arguments {
        @Option(names = "--model", paramLabel = "MODEL", description = "ML307R, ML307A, MN316, … (default ML307R)")
        String model = "ML307R";
        @Option(names = "--tcp", paramLabel = "PORT", description = "serve the AT line on this TCP port")
        Integer tcp;
        @Option(names = "--port-rate", paramLabel = "N", description = "the TCP serial server's own port rate, which"
                + " the module's must match (0: none)")
        int portRate;
        @Option(names = "--rfc2217", description = "speak Telnet with the COM port option (RFC 2217) on the TCP port,"
                + " so the host can set the port rate")
        boolean rfc2217;
        @Option(names = "--pty", paramLabel = "PATH", description = "or appear as this serial device (a pty link)")
        String pty;
        @Option(names = "--admin", paramLabel = "PORT", description = "fault-injection port (line commands)")
        Integer admin;
        @Option(names = "--firmware", paramLabel = "manual|field", description = "manual or field firmware (default manual)")
        String firmware = "manual";
        @Option(names = "--dialect", paramLabel = "v5|legacy",
                description = "TCP/IP output (default: the model's own; ML302A and ML305A print the older one)")
        String dialect;
        @Option(names = "--baud", paramLabel = "N", description = "pace the line like a UART at N baud (0: unpaced)")
        int baud;
        @Option(names = "--line-rate", paramLabel = "N", description = "the module's AT+IPR rate a host must match"
                + " (0: automatic, the factory setting)")
        int lineRate;
        @Option(names = "--echo", paramLabel = "on|off", description = "command echo after boot (default on)")
        String echo = "on";
        @Option(names = "--bind", paramLabel = "ADDR", description = "address of the TCP and admin ports (default loopback)")
        String bind;
        @Option(names = "--boot-delay-ms", paramLabel = "N", description = "time to +MATREADY (default 500)")
        long bootDelayMs = 500;
        @Option(names = "--guard-ms", paramLabel = "N", description = "+++ guard time (default 1000)")
        long guardMs = 1000;
        @Option(names = "--dns", paramLabel = "IP", description = "a DNS server the network provides (repeatable)")
        List<String> dns = new ArrayList<>();
        @Option(names = "--dns-port", paramLabel = "N", description = "port of every DNS server asked (default 53)")
        int dnsPort = 53;
        @Option(names = "--imei", paramLabel = "N", description = "the IMEI it reports")
        String imei;
        @Option(names = "--revision", paramLabel = "TEXT", description = "the firmware revision it reports")
        String revision;

        Options options() throws Exception {
            if ((tcp == null) == (pty == null)) {
                throw new IllegalArgumentException("give exactly one of --tcp <port> or --pty <path>");
            }
            boolean echoOn = switch (echo) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("--echo on|off");
            };
            List<InetAddress> servers = new ArrayList<>();
            for (String server : dns) {
                servers.add(InetAddress.getByName(server));
            }
            return new Options(EmulatedFamily.parse(model), tcp, portRate, rfc2217, pty, admin,
                    FirmwareProfile.parse(firmware), baud, lineRate,
                    echoOn, bind == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind),
                    Duration.ofMillis(bootDelayMs), Duration.ofMillis(guardMs), servers, dnsPort, imei, revision,
                    dialect == null ? null : Dialect.parse(dialect));
        }
    }

    static Options parse(String[] args) throws Exception {
        Arguments arguments = new Arguments();
        try {
            new CommandLine(arguments).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return arguments.options();
    }

    /**
     * Runs the command line: usage on {@code --help} (exit 0), a one-line error and the usage on a bad one (exit 2),
     * else the module until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        int exit = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    /** The exit code, or -1 when the module runs (until the JVM stops). */
    static int run(String[] args, PrintWriter out, PrintWriter err) throws Exception {
        Arguments arguments = new Arguments();
        CommandLine line = new CommandLine(arguments);
        Options options;
        try {
            line.parseArgs(args);
            if (line.isUsageHelpRequested()) {
                line.usage(out);
                return 0;
            }
            if (line.isVersionHelpRequested()) {
                line.printVersionHelp(out);
                return 0;
            }
            options = arguments.options();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            err.println("emulator: " + e.getMessage());
            line.usage(err);
            return 2;
        }
        start(options);
        return -1;
    }

    private static void start(Options options) throws Exception {
        VirtualModule module = new VirtualModule(options.config());
        AutoCloseable serial;
        String where;
        if (options.ptyPath() != null) {
            if (!EmulatorPtyAttachment.isSupported()) {
                throw new IllegalStateException("this OS offers no pseudo-terminals; use --tcp");
            }
            EmulatorPtyAttachment pty = EmulatorPtyAttachment.open(module, Path.of(options.ptyPath()));
            serial = pty;
            where = "pty " + pty.devicePath() + " -> " + pty.slavePath();
        } else {
            EmulatorTcpServer tcp = new EmulatorTcpServer(module, options.bind(), options.tcpPort(),
                    options.portRate(), options.rfc2217());
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
