package io.mipgate.api;

import static org.awaitility.Awaitility.await;

import io.mipgate.domain.AccessMode;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleSnapshot;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.event.ModuleEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before every API test class, every virtual module of the shared context is rebooted and the gateway is waited for
 * until it has re-initialised it: no connection, buffered byte, per-connection setting or transparent mode survives
 * from the class before, so no class depends on the order the classes run in, nor on how they divide connect_ids.
 * The reboot is the module's own (+MATREADY), so the gateway forgets its side of the state by its production path.
 * Settings an operator applied (AT+MIPCFG, keep-alive, DNS) are the gateway's desired state and are re-applied after
 * a reboot by design: a class that changes one restores it.
 */
final class ModulesReset implements TestExecutionListener {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<DeviceManager, Map<String, AtomicInteger>> RESETS_SEEN = new ConcurrentHashMap<>();

    @Override
    public void beforeTestClass(TestContext testContext) {
        resetAll(testContext.getApplicationContext());
    }

    static void resetAll(ApplicationContext context) {
        DeviceManager devices = context.getBean(DeviceManager.class);
        Map<String, AtomicInteger> resets = RESETS_SEEN.computeIfAbsent(devices, ModulesReset::watch);
        List<String> virtual = devices.modules().stream().map(ModuleSnapshot::id)
                .filter(id -> ApiTestEnvironment.EMULATORS.module(id) != null).toList();
        for (String id : virtual) {
            await(id + " UP before its reset").atMost(WAIT).until(() -> status(devices, id) == ModuleStatus.UP);
            leaveTransparentMode(devices, id);
            int before = resets.computeIfAbsent(id, k -> new AtomicInteger()).get();
            VirtualModule module = ApiTestEnvironment.EMULATORS.module(id);
            module.faults().reboot();
            await(id + " re-initialised after its reset").atMost(WAIT)
                    .until(() -> resets.get(id).get() > before && status(devices, id) == ModuleStatus.UP);
        }
    }

    /**
     * A module bridging a transparent connection hears no command, so it is closed first, as an operator would (the
     * gateway escapes with +++); a reboot in transparent mode is a fault scenario of its own, not a reset.
     */
    private static void leaveTransparentMode(DeviceManager devices, String id) {
        ModuleSnapshot module = devices.find(id).orElseThrow();
        if (!module.transparentBridgeActive()) {
            return;
        }
        for (ConnectionSnapshot connection : module.connections()) {
            if (connection.mode() == AccessMode.TRANSPARENT && connection.state() == ConnectionState.CONNECTED) {
                try {
                    devices.client(id).close(connection.connectId(), null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("could not leave transparent mode on " + id, e);
                }
            }
        }
        await(id + " out of transparent mode").atMost(WAIT)
                .until(() -> !devices.find(id).orElseThrow().transparentBridgeActive());
    }

    private static Map<String, AtomicInteger> watch(DeviceManager devices) {
        Map<String, AtomicInteger> resets = new ConcurrentHashMap<>();
        devices.subscribe(event -> {
            if (event instanceof ModuleEvent.ModuleReset reset) {
                resets.computeIfAbsent(reset.moduleId(), k -> new AtomicInteger()).incrementAndGet();
            }
        });
        return resets;
    }

    private static ModuleStatus status(DeviceManager devices, String id) {
        return devices.find(id).map(ModuleSnapshot::status).orElseThrow();
    }
}
