package io.mipgate.testsupport;

import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.ModuleSnapshot;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEventListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A module directory driven by the test: snapshots are set with {@link #put}, events are delivered to subscribers
 * with {@link #publish} on the calling thread, as a worker would. Stands in for the worker's device manager.
 */
public class ScriptedModuleDirectory implements ModuleDirectory {

    private final Map<String, ModuleSnapshot> modules = new ConcurrentHashMap<>();
    private final List<ModuleEventListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public List<ModuleSnapshot> modules() {
        return new ArrayList<>(modules.values());
    }

    @Override
    public Optional<ModuleSnapshot> find(String moduleId) {
        return Optional.ofNullable(modules.get(moduleId));
    }

    @Override
    public void subscribe(ModuleEventListener listener) {
        listeners.add(listener);
    }

    public void put(ModuleSnapshot snapshot) {
        modules.put(snapshot.id(), snapshot);
    }

    public void remove(String moduleId) {
        modules.remove(moduleId);
    }

    /** Delivers to every subscriber, like a worker thread; a listener that throws fails the test. */
    public void publish(ModuleEvent event) {
        for (ModuleEventListener listener : listeners) {
            listener.onEvent(event);
        }
    }

    public int subscribers() {
        return listeners.size();
    }

    public static ModuleSnapshot module(String id, ModuleStatus status, List<ConnectionSnapshot> connections) {
        return new ModuleSnapshot(id, "emulator:" + id, "ML307R", "1.0", "860000000000001", status,
                Instant.parse("2026-01-01T00:00:00Z"), 2, 32, status == ModuleStatus.UP ? null : "link lost", false,
                connections);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        /** Takes the place of the device manager, whose real modules these tests do not drive. */
        @Bean
        @org.springframework.context.annotation.Primary
        ScriptedModuleDirectory scriptedModuleDirectory() {
            return new ScriptedModuleDirectory();
        }
    }
}
