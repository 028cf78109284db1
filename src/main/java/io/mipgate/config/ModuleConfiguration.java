package io.mipgate.config;

import io.mipgate.emulator.EmulatorLinkFactory;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleSettings;
import io.mipgate.module.RecordedConnections;
import io.mipgate.module.SerialDiscovery;
import io.mipgate.store.PreviousRun;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.LinkFactories;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the device manager from {@code mipgate.modules} and runs it with the application's life cycle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MipgateProperties.class)
public class ModuleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModuleConfiguration.class);

    @Bean(destroyMethod = "close")
    EmulatorLinkFactory emulatorLinkFactory() {
        return new EmulatorLinkFactory();
    }

    @Bean
    LinkFactories linkFactories(EmulatorLinkFactory emulators) {
        return LinkFactories.withDefaults().register(EmulatorLinkFactory.SCHEME, emulators);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DeviceManager deviceManager(LinkFactories links, Clock clock, MipgateProperties properties,
                                ObjectProvider<PreviousRun> previousRun) {
        DeviceManager manager = new DeviceManager(links, clock, recordedConnections(previousRun));
        ModuleSettingsFactory.from(properties).forEach(manager::add);
        if (properties.getModules().isEmpty()) {
            log.warn("no modules configured (mipgate.modules is empty)");
        }
        return manager;
    }

    /** The history's memory of earlier runs, in the workers' terms; none without a store. */
    private static RecordedConnections recordedConnections(ObjectProvider<PreviousRun> previousRun) {
        return moduleId -> {
            PreviousRun history = previousRun.getIfAvailable();
            if (history == null) {
                return Map.of();
            }
            Map<Integer, RecordedConnections.LastLifetime> lifetimes = new HashMap<>();
            history.of(moduleId).forEach((connectId, l) -> lifetimes.put(connectId, new RecordedConnections.LastLifetime(
                    l.generation(), l.leftOpen(), l.receivedBytes(), l.bufferedBytes(), l.countedAt())));
            return lifetimes;
        };
    }

    private static void discover(DeviceManager manager, MipgateProperties.Discovery discovery) {
        var found = new SerialDiscovery(discovery.getInclude(), discovery.getBaud())
                .discover(manager.claimedSerialDevices());
        for (LinkSpec.Serial device : found) {
            String id = "auto-" + java.nio.file.Path.of(device.device()).getFileName();
            log.info("discovery: adding module {} on {}", id, device.device());
            manager.addAndStart(ModuleSettings.defaults(id, device));
        }
    }

    /**
     * Virtual modules come into being before the workers start, once every other bean (the demo's loopback DNS zone
     * among them) is in place: a pseudo-terminal name another gateway holds fails start-up here, with one line.
     */
    private static void prepareVirtualModules(LinkFactories links, MipgateProperties properties) {
        if (!(links.factory(EmulatorLinkFactory.SCHEME).orElse(null) instanceof EmulatorLinkFactory emulators)) {
            return; // a substituted factory (a test's scripted links) makes its modules itself
        }
        for (ModuleSettings module : ModuleSettingsFactory.from(properties)) {
            if (module.link() instanceof LinkSpec.Emulator emulator) {
                try {
                    emulators.prepare(module.id(), emulator);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("module " + module.id() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Starts the workers once the context is up and stops them first on shutdown. */
    @Bean
    SmartLifecycle deviceManagerLifecycle(DeviceManager manager, MipgateProperties properties, LinkFactories links) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                prepareVirtualModules(links, properties);
                manager.start(properties.getStartupWait());
                if (properties.getDiscovery().isEnabled()) {
                    discover(manager, properties.getDiscovery());
                }
                running = true;
            }

            @Override
            public void stop() {
                manager.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** The workers own serial lines and threads that cannot be restarted: a paused context keeps them. */
            @Override
            public boolean isPauseable() {
                return false;
            }
        };
    }
}
