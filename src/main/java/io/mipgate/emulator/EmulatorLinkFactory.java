package io.mipgate.emulator;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.transport.InProcessLink;
import io.mipgate.transport.Link;
import io.mipgate.transport.LinkConfigurationException;
import io.mipgate.transport.LinkFactory;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.LinkStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code emulator:<MODEL>} link scheme: an in-process virtual module per module id. The virtual module outlives
 * its links, as a real one outlives a serial cable, so a reopened link finds the same module with its connections.
 * Options: {@code firmware=manual|field}, {@code echo=on|off}, {@code baud=<n>}, {@code imei=<15 digits>},
 * {@code guardMs=<n>}.
 */
public final class EmulatorLinkFactory implements LinkFactory, AutoCloseable {

    public static final String SCHEME = "emulator";

    private final Map<String, VirtualModule> modules = new ConcurrentHashMap<>();

    @Override
    public Link create(String moduleId, LinkSpec spec) {
        if (!(spec instanceof LinkSpec.Emulator emulator)) {
            throw new LinkConfigurationException(moduleId, "port", "not an emulator: link");
        }
        VirtualModule module = modules.computeIfAbsent(moduleId, id -> newModule(id, emulator));
        InProcessLink.Pair pair = InProcessLink.pair();
        return new EmulatedLink(pair.gatewaySide(), pair.moduleSide(), module, emulator);
    }

    /** The virtual module behind a module id, for fault injection. */
    public Optional<VirtualModule> module(String moduleId) {
        return Optional.ofNullable(modules.get(moduleId));
    }

    private static VirtualModule newModule(String moduleId, LinkSpec.Emulator spec) {
        ModelFamily family;
        try {
            family = ModelFamily.parse(spec.model());
        } catch (IllegalArgumentException e) {
            throw new LinkConfigurationException(moduleId, "port", e.getMessage());
        }
        EmulatorConfig.Builder config = EmulatorConfig.builder(family);
        spec.options().forEach((key, value) -> {
            switch (key) {
                case "firmware" -> config.firmware(FirmwareProfile.parse(value));
                case "echo" -> config.echo(!value.equals("off"));
                case "baud" -> config.baud(Integer.parseInt(value));
                case "guardMs" -> config.guardTime(Duration.ofMillis(Long.parseLong(value)));
                case "imei" -> config.identity(ModuleIdentity.defaults(family).withImei(value));
                default -> throw new LinkConfigurationException(moduleId, key,
                        "unknown emulator option (firmware, echo, baud, guardMs, imei)");
            }
        });
        VirtualModule module = new VirtualModule(config.build());
        module.powerOn();
        return module;
    }

    @Override
    public void close() {
        modules.values().forEach(VirtualModule::close);
        modules.clear();
    }

    /** The gateway end of an in-process pair whose other end the virtual module is attached to on open. */
    private static final class EmulatedLink implements Link {
        private final InProcessLink gatewaySide;
        private final InProcessLink moduleSide;
        private final VirtualModule module;
        private final LinkSpec.Emulator spec;

        EmulatedLink(InProcessLink gatewaySide, InProcessLink moduleSide, VirtualModule module, LinkSpec.Emulator spec) {
            this.gatewaySide = gatewaySide;
            this.moduleSide = moduleSide;
            this.module = module;
            this.spec = spec;
        }

        @Override
        public void open() throws IOException {
            gatewaySide.open();
            moduleSide.open();
            module.attach(LinkStreams.inputStream(moduleSide), LinkStreams.outputStream(moduleSide));
        }

        @Override
        public int read(byte[] buffer, int offset, int len) throws IOException {
            return gatewaySide.read(buffer, offset, len);
        }

        @Override
        public void write(byte[] buffer, int offset, int len) throws IOException {
            gatewaySide.write(buffer, offset, len);
        }

        @Override
        public void close() {
            gatewaySide.close();
        }

        @Override
        public String describe() {
            return spec.toString();
        }
    }
}
