package io.mipgate.emulator;

import io.mipgate.emulator.model.Dialect;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.transport.Link;
import io.mipgate.transport.LinkConfigurationException;
import io.mipgate.transport.LinkFactory;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.SerialLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code emulator:<MODEL>} link scheme: a virtual module per module id. The virtual module outlives its links, as
 * a real one outlives a serial cable, so a reopened link finds the same module with its connections.
 *
 * <p>Options: {@code firmware=manual|field}, {@code dialect=v5|legacy} (the TCP/IP output; ML302A and ML305A print the
 * older ML302/ML305 one unless told {@code v5}, FIELD-NOTES §14), {@code echo=on|off}, {@code baud=<n>},
 * {@code lineRate=<AT+IPR rate>}, {@code imei=<15 digits>}, {@code guardMs=<n>}, {@code dns=<ip>[:<port>]}: the DNS
 * server its network provides (without it, the factory's {@link #defaultNetworkDns default}, e.g. the demo's loopback
 * zone, or none), {@code admin=<port>}: a loopback port taking {@link AdminCommands} lines for this module (signal,
 * registration, SIM, faults), so a demo can show its status moving (a taken port falls back to a free one, logged with
 * the port used); and {@code pty=<path>}: attach the module the way real ones are, behind a pseudo-terminal
 * whose slave {@code <path>} links to, and open that device through jSerialComm ({@link SerialLink}). The
 * pseudo-terminal is created on the first open and kept, like the module, for later links. Where the OS has no
 * pseudo-terminals the module is attached in process instead (and a warning logged), so one configuration serves
 * every host. Without {@code pty} the link is in process.
 */
public final class EmulatorLinkFactory implements LinkFactory, AutoCloseable {

    public static final String SCHEME = "emulator";
    public static final String PTY_OPTION = "pty";
    public static final String ADMIN_OPTION = "admin";

    private static final Logger log = LoggerFactory.getLogger(EmulatorLinkFactory.class);

    private final Map<String, VirtualModule> modules = new ConcurrentHashMap<>();
    private final Map<String, EmulatorPtyAttachment> terminals = new ConcurrentHashMap<>();
    private final Map<String, AdminServer> admins = new ConcurrentHashMap<>();
    private volatile InetSocketAddress defaultNetworkDns;

    /**
     * The DNS server the network provides to modules configured without {@code dns=}, such as a loopback zone that
     * makes a demo resolve offline at once. Applies to modules created from then on.
     */
    public void defaultNetworkDns(InetSocketAddress server) {
        this.defaultNetworkDns = server;
    }

    /**
     * Creates the module behind {@code spec} now, with its admin port and pseudo-terminal, rather than on its first
     * link: a pseudo-terminal name held by another running gateway then fails start-up with one clear line
     * ({@link java.nio.file.FileAlreadyExistsException}), and the ports are known before anyone asks.
     */
    public void prepare(String moduleId, LinkSpec.Emulator spec) throws IOException {
        VirtualModule module = module(moduleId, spec);
        String pty = spec.options().get(PTY_OPTION);
        if (pty != null && EmulatorPtyAttachment.isSupported()) {
            terminal(moduleId, module, Path.of(pty));
        }
    }

    @Override
    public Link create(String moduleId, LinkSpec spec) {
        if (!(spec instanceof LinkSpec.Emulator emulator)) {
            throw new LinkConfigurationException(moduleId, "port", "not an emulator: link");
        }
        VirtualModule module = module(moduleId, emulator);
        String pty = emulator.options().get(PTY_OPTION);
        if (pty == null) {
            return new InProcessEmulatedLink(module, emulator);
        }
        if (!EmulatorPtyAttachment.isSupported()) {
            log.warn("module {}: no pseudo-terminals on this OS; {} is attached in process", moduleId, emulator);
            return new InProcessEmulatedLink(module, emulator);
        }
        return new PtyEmulatedLink(moduleId, module, Path.of(pty), serialSpec(pty, module.config().baud()));
    }

    private VirtualModule module(String moduleId, LinkSpec.Emulator spec) {
        VirtualModule module = modules.computeIfAbsent(moduleId, id -> newModule(id, spec, defaultNetworkDns));
        String admin = spec.options().get(ADMIN_OPTION);
        if (admin != null) {
            admins.computeIfAbsent(moduleId, id -> adminServer(id, module, admin));
        }
        return module;
    }

    /** The virtual module behind a module id, for fault injection. */
    public Optional<VirtualModule> module(String moduleId) {
        return Optional.ofNullable(modules.get(moduleId));
    }

    /** The serial device a {@code pty=} module appears as, once its first link was opened. */
    public Optional<Path> devicePath(String moduleId) {
        return Optional.ofNullable(terminals.get(moduleId)).map(EmulatorPtyAttachment::devicePath);
    }

    private static LinkSpec.Serial serialSpec(String device, int baud) {
        LinkSpec.Serial defaults = LinkSpec.Serial.withDefaults(device);
        return baud <= 0 ? defaults : new LinkSpec.Serial(device, baud, defaults.dataBits(), defaults.parity(),
                defaults.stopBits(), defaults.flowControl());
    }

    private static VirtualModule newModule(String moduleId, LinkSpec.Emulator spec,
                                           InetSocketAddress defaultNetworkDns) {
        EmulatedFamily family;
        try {
            family = EmulatedFamily.parse(spec.model());
        } catch (IllegalArgumentException e) {
            throw new LinkConfigurationException(moduleId, "port", e.getMessage());
        }
        EmulatorConfig.Builder config = EmulatorConfig.builder(family)
                .identity(ModuleIdentity.defaults(family).withImei(imeiFor(moduleId)));
        if (defaultNetworkDns != null && !spec.options().containsKey("dns")) {
            config.networkDns(List.of(defaultNetworkDns.getAddress())).dnsPort(defaultNetworkDns.getPort());
        }
        spec.options().forEach((key, value) -> {
            switch (key) {
                case "firmware" -> config.firmware(FirmwareProfile.parse(value));
                case "dialect" -> config.dialect(dialect(moduleId, value));
                case "echo" -> config.echo(!value.equals("off"));
                case "baud" -> config.baud(Integer.parseInt(value));
                case "lineRate" -> lineRate(moduleId, value, config);
                case "guardMs" -> config.guardTime(Duration.ofMillis(Long.parseLong(value)));
                case "imei" -> config.identity(ModuleIdentity.defaults(family).withImei(value));
                case "dns" -> networkDns(moduleId, value, config);
                case "dataCall" -> config.dataCallAtBoot(!value.equals("down"));
                case "simApn" -> config.simApn(value.equals("none") ? null : value);
                case ADMIN_OPTION -> adminPort(moduleId, value);
                case PTY_OPTION -> {
                    if (value.isBlank()) {
                        throw new LinkConfigurationException(moduleId, key, "needs a device path");
                    }
                }
                default -> throw new LinkConfigurationException(moduleId, key,
                        "unknown emulator option (firmware, dialect, echo, baud, lineRate, guardMs, imei, dns, dataCall,"
                                + " simApn, admin, pty)");
            }
        });
        VirtualModule module = new VirtualModule(config.build());
        module.powerOn();
        return module;
    }

    private static void lineRate(String moduleId, String value, EmulatorConfig.Builder config) {
        try {
            config.lineRate(Integer.parseInt(value));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new LinkConfigurationException(moduleId, "lineRate", "0 (automatic) or one of "
                    + ModuleUart.FIXED_RATES + ", not '" + value + "'");
        }
    }

    private static int adminPort(String moduleId, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LinkConfigurationException(moduleId, ADMIN_OPTION, "a TCP port 0..65535, not '" + value + "'");
        }
    }

    /** Listens on the asked port, or on a free one when another process holds it: a tool for operators. */
    private static AdminServer adminServer(String moduleId, VirtualModule module, String option) {
        int port = adminPort(moduleId, option);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            AdminServer server;
            try {
                server = new AdminServer(module.faults(), loopback, port);
                log.info("module {}: emulator admin commands on 127.0.0.1:{}", moduleId, server.port());
            } catch (BindException taken) {
                server = new AdminServer(module.faults(), loopback, 0);
                log.warn("module {}: emulator admin port {} is taken; admin commands on 127.0.0.1:{} instead",
                        moduleId, port, server.port());
            }
            return server;
        } catch (IOException e) {
            throw new LinkConfigurationException(moduleId, ADMIN_OPTION, "cannot listen on " + option + ": "
                    + e.getMessage());
        }
    }

    /** The admin port of a module started with {@code admin=<port>} (the real one where the option said 0). */
    public Optional<Integer> adminPort(String moduleId) {
        return Optional.ofNullable(admins.get(moduleId)).map(AdminServer::port);
    }

    private EmulatorPtyAttachment terminal(String moduleId, VirtualModule module, Path symlink) throws IOException {
        try {
            return terminals.compute(moduleId, (id, existing) -> {
                if (existing != null && !existing.isClosed()) {
                    return existing;
                }
                try {
                    return EmulatorPtyAttachment.open(module, symlink);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A stable IMEI per module id (TAC 86999901, a serial from the id, the Luhn check digit), so modules differ. */
    static String imeiFor(String moduleId) {
        String body = "86999901" + String.format("%06d", Math.floorMod(moduleId.hashCode(), 1_000_000));
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** {@code dns=<ip>[:<port>]}: the DNS server "the network provides", e.g. a loopback zone for the demo. */
    private static void networkDns(String moduleId, String value, EmulatorConfig.Builder config) {
        int colon = value.lastIndexOf(':');
        boolean withPort = colon > 0 && value.indexOf(':') == colon;
        String host = withPort ? value.substring(0, colon) : value;
        try {
            if (!host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')) {
                throw new IllegalArgumentException("not an IP address");
            }
            config.networkDns(java.util.List.of(java.net.InetAddress.getByName(host)));
            if (withPort) {
                config.dnsPort(Integer.parseInt(value.substring(colon + 1)));
            }
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            throw new LinkConfigurationException(moduleId, "dns", "'" + value + "' is not <ip>[:<port>]");
        }
    }

    @Override
    public void close() {
        admins.values().forEach(server -> {
            try {
                server.close();
            } catch (IOException e) {
                log.debug("emulator admin port not closed: {}", e.toString());
            }
        });
        admins.clear();
        terminals.values().forEach(EmulatorPtyAttachment::close);
        terminals.clear();
        modules.values().forEach(VirtualModule::close);
        modules.clear();
    }

    /** The host's end of an in-process attachment, made when the link is opened. */
    private static final class InProcessEmulatedLink implements Link {
        private final VirtualModule module;
        private final LinkSpec.Emulator spec;
        private volatile Link host;
        private volatile boolean closed;

        InProcessEmulatedLink(VirtualModule module, LinkSpec.Emulator spec) {
            this.module = module;
            this.spec = spec;
        }

        @Override
        public synchronized void open() {
            if (closed) {
                throw new IllegalStateException(describe() + " is closed; create a new link");
            }
            if (host == null) {
                host = module.attachInProcess();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int len) throws IOException {
            Link current = host;
            return current == null ? -1 : current.read(buffer, offset, len);
        }

        @Override
        public void write(byte[] buffer, int offset, int len) throws IOException {
            Link current = host;
            if (current == null) {
                throw new IOException(describe() + " is not open");
            }
            current.write(buffer, offset, len);
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (host != null) {
                host.close();
            }
        }

        @Override
        public String describe() {
            return spec.toString();
        }
    }

    /** jSerialComm on the pseudo-terminal's slave; the first open creates the terminal with the module on its master. */
    private final class PtyEmulatedLink implements Link {
        private final String moduleId;
        private final VirtualModule module;
        private final Path symlink;
        private final SerialLink serial;

        PtyEmulatedLink(String moduleId, VirtualModule module, Path symlink, LinkSpec.Serial spec) {
            this.moduleId = moduleId;
            this.module = module;
            this.symlink = symlink;
            this.serial = new SerialLink(moduleId, spec);
        }

        @Override
        public void open() throws IOException {
            terminal(moduleId, module, symlink);
            serial.open();
        }

        @Override
        public int read(byte[] buffer, int offset, int len) throws IOException {
            return serial.read(buffer, offset, len);
        }

        @Override
        public void write(byte[] buffer, int offset, int len) throws IOException {
            serial.write(buffer, offset, len);
        }

        @Override
        public void close() {
            serial.close();
        }

        @Override
        public String describe() {
            return serial.describe();
        }
    }

    private static Dialect dialect(String moduleId, String value) {
        try {
            return Dialect.parse(value);
        } catch (IllegalArgumentException e) {
            throw new LinkConfigurationException(moduleId, "dialect", e.getMessage());
        }
    }
}
