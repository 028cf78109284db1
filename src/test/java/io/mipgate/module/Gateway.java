package io.mipgate.module;

import io.mipgate.emulator.EmulatorLinkFactory;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.transport.LinkFactories;
import io.mipgate.transport.LinkSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A device manager over virtual modules, with the events it published, for worker tests. */
final class Gateway implements AutoCloseable {

    final EmulatorLinkFactory emulators = new EmulatorLinkFactory();
    final FaultyLinks faults = new FaultyLinks(emulators);
    final LinkFactories links = LinkFactories.withDefaults().register(EmulatorLinkFactory.SCHEME, faults);
    final DeviceManager manager = new DeviceManager(links, Clock.systemUTC());
    final List<ModuleEvent> events = new CopyOnWriteArrayList<>();

    Gateway() {
        manager.subscribe(events::add);
    }

    /** Adds a module on {@code emulator:<spec>} with test-friendly timings. */
    ModuleClient emulated(String id, String spec, UnaryOperator<ModuleSettings> tune) {
        String withGuard = spec + (spec.contains("?") ? "&" : "?") + "guardMs=50";
        ModuleSettings settings = ModuleSettings.defaults(id, LinkSpec.parse(id, "emulator:" + withGuard))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400), 0)
                .withEscapeGuard(Duration.ofMillis(60))
                .withIntervals(Duration.ZERO, Duration.ZERO);
        return manager.add(tune.apply(settings));
    }

    ModuleClient emulated(String id, String spec) {
        return emulated(id, spec, s -> s);
    }

    Gateway start() {
        manager.start(Duration.ofSeconds(20));
        return this;
    }

    VirtualModule module(String id) {
        return emulators.module(id).orElseThrow();
    }

    <T extends ModuleEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        faults.releaseReplies(); // a test that failed while holding them must not leave a reader parked
        manager.close();
        emulators.close();
    }
}
