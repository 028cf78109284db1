package io.mipgate.module;

import io.mipgate.module.event.ModuleEventListener;
import io.mipgate.transport.LinkFactories;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every module worker: creates them from configuration, starts them in parallel, hands out clients and
 * snapshots, and stops them on shutdown (closing nothing on the modules unless a module is configured to).
 */
public final class DeviceManager implements ModuleDirectory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceManager.class);

    private final LinkFactories links;
    private final Clock clock;
    private final RecordedConnections recorded;
    private final Map<String, ModuleWorker> workers = new LinkedHashMap<>();
    private final Map<String, ModuleClient> clients = new LinkedHashMap<>();
    private final List<ModuleEventListener> listeners = new CopyOnWriteArrayList<>();

    public DeviceManager(LinkFactories links, Clock clock) {
        this(links, clock, RecordedConnections.NONE);
    }

    /** @param recorded what the history holds of earlier runs, read for each module just before its worker starts */
    public DeviceManager(LinkFactories links, Clock clock, RecordedConnections recorded) {
        this.links = links;
        this.clock = clock;
        this.recorded = recorded;
    }

    /** Adds a module; it starts with {@link #start(Duration)} or at once if the manager already runs. */
    public synchronized ModuleClient add(ModuleSettings settings) {
        if (workers.containsKey(settings.id())) {
            throw new IllegalArgumentException("module id '" + settings.id() + "' is configured twice");
        }
        ModuleWorker worker = new ModuleWorker(settings, links, clock);
        listeners.forEach(worker::subscribe);
        workers.put(settings.id(), worker);
        ModuleClient client = new ModuleClient(worker);
        clients.put(settings.id(), client);
        return client;
    }

    /** Adds a module found while the manager runs (discovery) and starts its worker at once. */
    public ModuleClient addAndStart(ModuleSettings settings) {
        ModuleClient client = add(settings);
        ModuleWorker worker;
        synchronized (this) {
            worker = workers.get(settings.id());
        }
        startWithHistory(worker);
        return client;
    }

    /** The serial devices configured modules use, so discovery leaves them alone. */
    public synchronized java.util.Set<java.nio.file.Path> claimedSerialDevices() {
        return workers.values().stream()
                .filter(w -> w.settings.link() instanceof io.mipgate.transport.LinkSpec.Serial)
                .map(w -> SerialDiscovery.realPath(java.nio.file.Path.of(
                        ((io.mipgate.transport.LinkSpec.Serial) w.settings.link()).device())))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Starts every worker at once and waits up to {@code wait} for their first start-up attempts. */
    public void start(Duration wait) {
        List<CompletableFuture<Void>> started = workers.values().stream().map(worker -> {
            startWithHistory(worker);
            return worker.firstStart();
        }).toList();
        try {
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("not every module finished starting within {} s; they keep trying in the background", wait.toSeconds());
        } catch (Exception e) {
            log.warn("waiting for module start-up: {}", e.toString());
        }
        workers.values().forEach(w -> log.info("module={} link={} status={}", w.id(), w.settings.link(), w.status()));
    }

    /** Generations continue where the history left off, and the previous run's open connections get accounted. */
    private void startWithHistory(ModuleWorker worker) {
        worker.table.previousRun(recorded.of(worker.id()));
        worker.start();
    }

    public synchronized ModuleClient client(String moduleId) {
        ModuleClient client = clients.get(moduleId);
        if (client == null) {
            throw new UnknownModuleException(moduleId);
        }
        return client;
    }

    public synchronized Collection<ModuleClient> clients() {
        return List.copyOf(clients.values());
    }

    /** An operator's retry of a FAILED module. */
    public void retry(String moduleId) {
        ModuleWorker worker;
        synchronized (this) {
            worker = workers.get(moduleId);
        }
        if (worker == null) {
            throw new UnknownModuleException(moduleId);
        }
        worker.retry();
    }

    @Override
    public synchronized List<ModuleSnapshot> modules() {
        return workers.values().stream().map(ModuleWorker::snapshot).toList();
    }

    @Override
    public synchronized Optional<ModuleSnapshot> find(String moduleId) {
        return Optional.ofNullable(workers.get(moduleId)).map(ModuleWorker::snapshot);
    }

    @Override
    public synchronized boolean readsAckStatus(String moduleId) {
        ModuleClient client = clients.get(moduleId);
        return client != null && client.capabilities().sack();
    }

    @Override
    public synchronized void subscribe(ModuleEventListener listener) {
        listeners.add(listener);
        workers.values().forEach(worker -> worker.subscribe(listener));
    }

    @Override
    public void close() {
        List<ModuleWorker> all;
        synchronized (this) {
            all = List.copyOf(workers.values());
        }
        all.stream().filter(w -> w.settings.closeOnShutdown()).forEach(this::closeConnections);
        // each on its own thread: a worker may wait out a read or send on its line (ModuleWorker.close), and the
        // common pool of a 2-core box would make the others wait behind it
        try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            all.forEach(worker -> stopping.execute(worker::close));
        }
    }

    private void closeConnections(ModuleWorker worker) {
        ModuleClient client = clients.get(worker.id());
        worker.snapshot().connections().stream().filter(c -> c.state().isOpen()).forEach(c -> {
            try {
                client.close(c.connectId(), null).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("module={} connect_id={} not closed on shutdown: {}", worker.id(), c.connectId(), e.toString());
            }
        });
    }
}
