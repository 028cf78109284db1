package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mipgate.domain.AccessMode;
import io.mipgate.metrics.MetricsProperties;
import io.mipgate.metrics.ModuleEventMetrics;
import io.mipgate.domain.Protocol;
import io.mipgate.module.RecordedConnections.LastLifetime;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.RestartLoss;
import io.mipgate.transport.LinkSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A gateway restarted with history of its previous run: generations continue after the newest recorded one, and
 * every connection the previous run never saw close has its loss accounted, split into what that run held for no
 * client and what the module handed over beyond what it recorded.
 */
class RestartAccountingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Gateway gateway = new Gateway();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DeviceManager restarted;

    @AfterEach
    void stop() {
        if (restarted != null) {
            restarted.close();
        }
        gateway.close();
    }

    @Test
    void anAdoptedConnectionContinuesTheGenerationsAndTheLossOfThePreviousRunIsAccounted() throws Exception {
        ModuleClient first = gateway.emulated("m", "ML307R");
        gateway.start();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int id = openBuffered(first, server, 1);
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write(Payloads.binary(3000, 1));
                await().atMost(WAIT).until(() -> first.connection(id).bufferedBytes() == 3000);
                assertThat(first.read(id, 1000)).hasSize(1000);
                gateway.manager.close();

                byte[] meanwhile = Payloads.binary(1500, 2);
                peer.getOutputStream().write(meanwhile);
                peer.getOutputStream().flush();
                Instant checkpoint = Instant.now();
                // The previous run's last checkpoint lagged: 400 of the 3000 bytes it received were never recorded.
                List<ModuleEvent> events = new CopyOnWriteArrayList<>();
                ModuleClient again = restart(Map.of(
                        id, new LastLifetime(7, true, 2600, 1700, checkpoint),
                        4, new LastLifetime(3, true, 10, 10, checkpoint),
                        5, new LastLifetime(12, false, 0, 0, null)), events);

                ConnectionSnapshot adopted = again.connection(id);
                assertThat(adopted.state()).isEqualTo(ConnectionState.CONNECTED);
                assertThat(adopted.generation()).as("a row of its own after the recorded one").isEqualTo(8);
                await().atMost(WAIT).until(() -> events.stream().filter(RestartLoss.class::isInstance).count() == 2);
                assertThat(events).filteredOn(RestartLoss.class::isInstance).map(RestartLoss.class::cast)
                        .extracting(e -> List.of(e.connectId(), e.generation(), e.previousGeneration(), e.unreadBytes(),
                                e.unaccountedBytes() == null ? "unknown" : e.unaccountedBytes()))
                        .containsExactlyInAnyOrder(
                                List.of(id, 8L, 7L, 1700L, 400L),
                                List.of(4, 0L, 3L, 10L, "unknown"));
                assertThat(again.connection(id).droppedBytes()).isEqualTo(2100);
                assertThat(lost("unread")).isEqualTo(1710);
                assertThat(lost("unaccounted")).isEqualTo(400);
                assertThat(registry.get("mipgate.connection.restart.unaccountable").tag("connect_id", "4").counter()
                        .count()).isEqualTo(1);
                assertThat(Payloads.readExactly(again, id, meanwhile.length, WAIT)).isEqualTo(meanwhile);

                int reopened = again.open(new OpenRequest(Protocol.TCP, "127.0.0.1", server.getLocalPort(), 5,
                        AccessMode.STREAM_BUFFER, null, null)).get(15, TimeUnit.SECONDS).connectId();
                assertThat(again.connection(reopened).generation()).isEqualTo(13);
            }
        }
    }

    @Test
    void withoutALeftOpenRecordAnAdoptionIsNoLoss() throws Exception {
        ModuleClient first = gateway.emulated("m", "ML307R");
        gateway.start();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int id = openBuffered(first, server, 2);
            try (Socket peer = server.accept()) {
                gateway.manager.close();
                List<ModuleEvent> events = new CopyOnWriteArrayList<>();
                ModuleClient again = restart(Map.of(id, new LastLifetime(1, false, 0, 0, null)), events);
                assertThat(again.connection(id).generation()).isEqualTo(2);
                assertThat(events).noneMatch(RestartLoss.class::isInstance);
                assertThat(again.connection(id).droppedBytes()).isZero();
            }
        }
    }

    /**
     * A clean stop while an AT+MIPRD answer is on the line lets it finish: the module gave those bytes up when it
     * answered, so a stop that cut the answer short lost them to every run (the line is paced at 9600 baud, so the
     * answer takes about 2 s and the stop lands inside it).
     */
    @Test
    void aCleanStopLetsTheReadOnTheLineFinishSoItsBytesAreNotLost() throws Exception {
        ModuleClient first = gateway.emulated("m", "ML307R?baud=9600");
        gateway.start();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int id = openBuffered(first, server, 3);
            try (Socket peer = server.accept()) {
                byte[] sent = Payloads.binary(2000, 3);
                gateway.faults.watch("AT+MIPRD=" + id + ",");
                peer.getOutputStream().write(sent);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                        .until(() -> gateway.faults.watchedHeard.get() > 0);
                gateway.manager.close();

                java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
                received.write(first.read(id, 64 * 1024));
                assertThat(received.size()).as("bytes the stopped run holds").isPositive();
                ModuleClient again = restart(Map.of(id, new LastLifetime(1, false, 0, 0, null)),
                        new CopyOnWriteArrayList<>());
                if (received.size() < sent.length) {
                    received.write(Payloads.readExactly(again, id, sent.length - received.size(), WAIT));
                }
                assertThat(received.toByteArray()).isEqualTo(sent);
                assertThat(gateway.events(ModuleEvent.JobFinished.class)).filteredOn(j -> j.command().contains("MIPRD"))
                        .extracting(ModuleEvent.JobFinished::outcome).containsOnly(JobOutcome.OK);
            }
        }
    }

    /**
     * A clean stop while a send's data is on the line lets it finish: cut short, the module would wait for the rest
     * and take the next run's first commands as data for the peer (FIELD-NOTES §7.2).
     */
    @Test
    void aCleanStopLetsTheSendOnTheLineFinishSoThePeerGetsItsDataAndNoCommandText() throws Exception {
        ModuleClient first = gateway.emulated("m", "ML307R?baud=9600");
        gateway.start();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int id = openBuffered(first, server, 4);
            try (Socket peer = server.accept()) {
                peer.setSoTimeout((int) WAIT.toMillis());
                byte[] sent = Payloads.binary(2000, 4);
                gateway.faults.watch("AT+MIPSEND=" + id + ",");
                var sending = first.send(id, sent, SendOptions.DEFAULT);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                        .until(() -> gateway.faults.watchedHeard.get() > 0);
                gateway.manager.close();

                assertThat(sending).succeedsWithin(Duration.ZERO);
                restart(Map.of(id, new LastLifetime(1, false, 0, 0, null)), new CopyOnWriteArrayList<>());
                assertThat(peer.getInputStream().readNBytes(sent.length)).isEqualTo(sent);
            }
        }
    }

    /** A stream-buffer TCP connection on {@code connectId} to the test's own peer, which the test then accepts. */
    private static int openBuffered(ModuleClient module, ServerSocket server, int connectId) throws Exception {
        return module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", server.getLocalPort(), connectId,
                AccessMode.STREAM_BUFFER, null, null)).get(15, TimeUnit.SECONDS).connectId();
    }

    private double lost(String kind) {
        return registry.find("mipgate.connection.restart.lost").tag("kind", kind).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private ModuleClient restart(Map<Integer, LastLifetime> recorded, List<ModuleEvent> events) {
        restarted = new DeviceManager(gateway.links, Clock.systemUTC(),
                moduleId -> moduleId.equals("m") ? recorded : Map.of());
        restarted.subscribe(events::add);
        new ModuleEventMetrics(registry, new MetricsProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), 64),
                new StaticListableBeanFactory(Map.of("modules", restarted)).getBeanProvider(ModuleDirectory.class));
        ModuleClient again = restarted.add(ModuleSettings.defaults("m",
                        LinkSpec.parse("m", "emulator:ML307R?guardMs=50"))
                .withEscapeGuard(Duration.ofMillis(60)).withIntervals(Duration.ZERO, Duration.ZERO));
        restarted.start(WAIT);
        await().atMost(WAIT).until(() -> again.snapshot().status() == ModuleStatus.UP);
        return again;
    }
}
