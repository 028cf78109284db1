package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.metrics.MetricsProperties;
import io.mipgate.metrics.ModuleEventMetrics;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.LinkFactories;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A fault campaign scenario on a real serial line: the device disappears from its path (a pulled USB adapter: the
 * pseudo-terminal closes and its symlink goes) and comes back under the same path a second later. The gateway,
 * which opens the path through jSerialComm, must notice the loss, keep trying the path while it is absent, and
 * come back UP within {@link FaultCampaignTest#RECOVERY_BOUND} of the device's return, with the connection the
 * module kept still readable (every byte once) and writable, and the loss visible in the snapshot, the events and
 * the metrics.
 */
class DeviceReappearsCampaignTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private PtyModuleFixture fixture;
    private TcpEchoServer echo;
    private DeviceManager manager;
    private ModuleClient module;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<ModuleEvent> events = new CopyOnWriteArrayList<>();
    private final List<ModuleSnapshot> snapshots = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        fixture = new PtyModuleFixture(EmulatedFamily.ML307R);
        echo = TcpEchoServer.start();
        manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC());
        new ModuleEventMetrics(registry, new MetricsProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), 64),
                new StaticListableBeanFactory(Map.of("modules", manager)).getBeanProvider(ModuleDirectory.class));
        module = manager.add(ModuleSettings.defaults("pty-campaign", fixture.link())
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400), 0)
                .withEscapeGuard(Duration.ofMillis(60))
                .withIntervals(Duration.ZERO, Duration.ZERO));
        manager.subscribe(events::add);
        manager.subscribe(event -> snapshots.add(module.snapshot()));
        manager.start(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() throws Exception {
        if (manager != null) {
            manager.close();
            echo.close();
            fixture.close();
        }
    }

    @Test
    void theDeviceVanishesFromItsPathAndComesBackUnderIt() throws Exception {
        assertThat(module.snapshot().status()).isEqualTo(ModuleStatus.UP);
        module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), 0, AccessMode.NORMAL, null, null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        byte[] before = Payloads.binary(600, 1);
        module.send(0, before, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Payloads.readExactly(module, 0, before.length, WAIT)).isEqualTo(before);
        double reconnects = reconnects();
        int eventsBefore = events.size();
        var path = fixture.pty.devicePath();

        fixture.unplug();
        assertThat(Files.exists(path)).as("the device path is gone").isFalse();
        await().atMost(WAIT).until(() -> module.snapshot().status() != ModuleStatus.UP);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true); // a second without the device
        assertThat(module.snapshot().status()).isNotEqualTo(ModuleStatus.UP);
        long returned = System.nanoTime();
        fixture.replug();

        await().atMost(FaultCampaignTest.RECOVERY_BOUND).until(() -> module.snapshot().status() == ModuleStatus.UP
                && "NONE".equals(module.snapshot().recoveryRung()));
        long millis = Duration.ofNanos(System.nanoTime() - returned).toMillis();
        System.out.printf("fault campaign: %-60s UP again in %5d ms after the device returned (bound %d ms)%n",
                "device gone from its path and back (pseudo-terminal)", millis,
                FaultCampaignTest.RECOVERY_BOUND.toMillis());

        // visible: the events, the snapshot the API serves, the metrics
        assertThat(events.subList(eventsBefore, events.size())).anyMatch(ModuleEvent.LinkReconnected.class::isInstance)
                .anyMatch(e -> e instanceof ModuleEvent.StatusChanged changed && changed.to() == ModuleStatus.DOWN);
        assertThat(snapshots).anyMatch(s -> s.status() == ModuleStatus.DOWN && s.lastError() != null
                && s.lastError().startsWith("link lost"));
        assertThat(module.snapshot().faults().linkReconnects()).isEqualTo(1);
        assertThat(reconnects()).isGreaterThan(reconnects);

        // the module kept its connection: it is still open, nothing was invented, and it carries the next job
        assertThat(module.connection(0).state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(module.read(0, 4096)).as("nothing arrived twice or from elsewhere").isEmpty();
        byte[] after = Payloads.binary(900, 2);
        module.send(0, after, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Payloads.readExactly(module, 0, after.length, WAIT)).isEqualTo(after);
    }

    private double reconnects() {
        return registry.find("mipgate.link.reconnects").counters().stream().mapToDouble(Counter::count).sum();
    }
}
