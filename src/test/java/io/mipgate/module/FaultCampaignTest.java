package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.FaultInjector;
import io.mipgate.emulator.net.UdpEchoServer;
import io.mipgate.metrics.MetricsProperties;
import io.mipgate.metrics.ModuleEventMetrics;
import io.mipgate.module.event.ModuleEvent;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The fault campaign (issue 16): each fault a module, its line or its peer can throw at the gateway, injected into
 * a virtual module that carries two push-mode connections and a buffer-mode one with traffic. For each: the module
 * is UP again within the scenario's bound ({@link #RECOVERY_BOUND} unless stated), the next job works, every byte
 * each connection received is read once and in order (all of it where the connection survives the fault), nothing
 * lands on another connection, and the fault shows in all three places an operator looks: the module snapshot the
 * API serves (its fault counts, or the state of the connections; taken at every event, so a passing state is seen
 * too), the event stream, and the metrics
 * (a {@link SimpleMeterRegistry} fed by the real {@link ModuleEventMetrics}). One line per scenario gives its
 * recovery time. The device vanishing from its path, and the database going away, are campaign scenarios of their
 * own ({@link DeviceReappearsCampaignTest}, {@code store.DatabaseOutageCampaignTest}): they need a pseudo-terminal
 * and a Spring context.
 */
class FaultCampaignTest {

    /**
     * Recovery measured here is about a second (printed per scenario); the bound is generous for a busy 2-core box
     * and still fails a gateway that waits out a command's timeout after the module rebooted under it (5-20 s).
     */
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Long> RECOVERY_MILLIS = new TreeMap<>();

    /**
     * What a scenario does to the module, and where it must show: an event, a snapshot (any taken from the fault to
     * recovery, or the last), and a counter that must grow.
     */
    record Scenario(String name, Fault fault, boolean connectionsSurvive, Predicate<ModuleEvent> event,
                    Predicate<ModuleSnapshot> snapshot, Metric metric, Duration bound) {

        static Scenario of(String name, Fault fault) {
            return new Scenario(name, fault, true, e -> true, s -> true, null, RECOVERY_BOUND);
        }

        Scenario losesConnections() {
            return new Scenario(name, fault, false, event, snapshot, metric, bound);
        }

        Scenario shows(Predicate<ModuleEvent> inEvents, Predicate<ModuleSnapshot> inSnapshot, Metric inMetrics) {
            return new Scenario(name, fault, connectionsSurvive, inEvents, inSnapshot, inMetrics, bound);
        }

        Scenario within(Duration value) {
            return new Scenario(name, fault, connectionsSurvive, event, snapshot, metric, value);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A counter (or timer count) summed over the series that match, which the fault must make grow. */
    record Metric(String description, ToDoubleFunction<MeterRegistry> value) {

        static Metric counter(String name, String... tags) {
            return new Metric(name + Arrays.toString(tags), registry -> registry.find(name).tags(tags).counters()
                    .stream().mapToDouble(Counter::count).sum());
        }

        static Metric timerCount(String name, String... tags) {
            return new Metric(name + Arrays.toString(tags), registry -> registry.find(name).tags(tags).timers()
                    .stream().mapToDouble(Timer::count).sum());
        }
    }

    @FunctionalInterface
    interface Fault {
        void inject(FaultCampaignTest campaign) throws Exception;
    }

    private ModuleClient module;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<ModuleSnapshot> snapshots = new CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private final Map<Integer, ByteArrayOutputStream> sent = new TreeMap<>();
    private final Map<Integer, ByteArrayOutputStream> received = new TreeMap<>();
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    static Stream<Scenario> scenarios() {
        return Stream.of(
                Scenario.of("module reboot while idle", c -> c.faults().reboot()).losesConnections()
                        .shows(ModuleEvent.ModuleReset.class::isInstance, resetSeen(), resets()),
                Scenario.of("module reboot during an open", c -> {
                    c.inFlight.add(c.module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", c.fixture.echo.port(), 3, null,
                            null, null)));
                    c.faults().reboot();
                }).losesConnections().shows(ModuleEvent.ModuleReset.class::isInstance, resetSeen(), resets()),
                Scenario.of("module reboot during a >-mode send", c -> {
                    c.inFlight.add(c.module.send(0, Payloads.binary(1460, 5), SendOptions.DEFAULT));
                    c.faults().reboot();
                }).losesConnections().shows(ModuleEvent.ModuleReset.class::isInstance, resetSeen(), resets()),
                Scenario.of("module reboot during an AT+MIPRD read", c -> {
                    c.sendTracked(1, Payloads.binary(1200, 6));
                    c.faults().reboot();
                }).losesConnections().shows(ModuleEvent.ModuleReset.class::isInstance, resetSeen(), resets()),
                Scenario.of("module reboot in transparent mode", c -> {
                    c.module.setMode(2, AccessMode.TRANSPARENT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    c.faults().reboot();
                }).losesConnections().shows(ModuleEvent.ModuleReset.class::isInstance, resetSeen(), resets())
                        .within(RECOVERY_BOUND.plusSeconds(5)), // the +++ that nobody answers takes its 5 s timeout
                Scenario.of("+MATREADY inside another command's answer (FIELD-NOTES §2)", c -> {
                    c.faults().injectUrcInNextResponse("+MATREADY");
                    c.inFlight.add(c.module.refresh(0));
                }).losesConnections().shows(ModuleEvent.ModuleReset.class::isInstance, resetSeen(), resets()),
                Scenario.of("link drop (EOF) and re-attach", c -> c.faults().dropAttachment()).losesConnections()
                        .shows(ModuleEvent.LinkReconnected.class::isInstance, s -> s.faults().linkReconnects() == 1,
                                Metric.counter("mipgate.link.reconnects", "module", "m")),
                Scenario.of("swallowed response", c -> {
                    c.faults().swallowNextResponse();
                    c.inFlight.add(c.module.refresh(0));
                }).shows(e -> e instanceof ModuleEvent.RecoveryStep step && step.rung().equals("RESYNC"),
                        s -> s.faults().commandTimeouts() > 0 && s.faults().moduleResets() == 0,
                        Metric.timerCount("mipgate.at.command.duration", "module", "m", "outcome", "TIMEOUT"))
                        .within(RECOVERY_BOUND.plusSeconds(5)), // only the command's own timeout (5 s) can tell
                Scenario.of("garbage and a partial line", c -> {
                    c.faults().injectBytes(new byte[]{(byte) 0xE0, 0, (byte) 0xFF, '\r', '\n'});
                    c.faults().injectText("\r\n+MIPURC: \"rtcp\",0,7");
                }).shows(ModuleEvent.GarbageDiscarded.class::isInstance,
                        allConnected(0, 1, 2).and(s -> s.faults().discardedBytes() > 0),
                        Metric.counter("mipgate.at.discarded", "module", "m")),
                Scenario.of("a URC inside a response", c -> {
                    c.faults().injectUrcInNextResponse("+MIPURC: \"disconn\",4,1");
                    c.inFlight.add(c.module.refresh(0));
                }).shows(urc("disconn"), allConnected(0, 1, 2), urcs("disconn")),
                Scenario.of("a URC between AT+MIPSEND and its > (FIELD-NOTES §4)", c -> {
                    c.faults().injectUrcInNextResponse("+MIPURC: \"disconn\",5,1");
                    c.sendTracked(0, Payloads.binary(900, 7));
                }).shows(urc("disconn"), allConnected(0, 1, 2), urcs("disconn")),
                Scenario.of("a +MIPSEND line that never comes", c -> {
                    // the OK arrives, its +MIPSEND: line does not: the gateway waits 2 s for it, then counts what it
                    // wrote; the module did send, so the peer echoes it and it must be read once
                    c.fixture.gateway.faults.rewriteInboundOnce(Pattern.compile("\r\n\\+MIPSEND: \\d+,\\d+\r\n"), "");
                    c.sendTracked(0, Payloads.binary(640, 8));
                }).shows(e -> e instanceof ModuleEvent.JobFinished job && job.command().equals("AT+MIPSEND")
                                && job.outcome() == JobOutcome.OK,
                        s -> s.connections().get(0).bytesSent() == 300 + 640,
                        Metric.counter("mipgate.link.sent", "module", "m", "connect_id", "0")),
                Scenario.of("peer reset", c -> c.faults().resetConnection(2))
                        .shows(closed(2), s -> s.connections().get(2).state() == ConnectionState.CLOSED,
                                transitions(2, ConnectionState.CLOSED)),
                Scenario.of("peer close (FIN)", c -> c.fixture.echo.connections().get(2).closeGracefully())
                        .shows(closed(2), s -> s.connections().get(2).state() == ConnectionState.CLOSED,
                                transitions(2, ConnectionState.CLOSED)),
                Scenario.of("UDP peer gone", c -> {
                    UdpEchoServer udp = UdpEchoServer.start();
                    c.closeAfter.add(udp);
                    c.module.open(new OpenRequest(Protocol.UDP, "127.0.0.1", udp.port(), 3, null, null, null))
                            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    byte[] heard = Payloads.binary(200, 9);
                    c.module.send(3, heard, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertThat(Payloads.readExactly(c.module, 3, heard.length, WAIT)).isEqualTo(heard);
                    udp.close();
                    // UDP cannot tell: the send succeeds, nothing comes back, and nothing pretends otherwise
                    c.module.send(3, Payloads.binary(200, 10), SendOptions.DEFAULT)
                            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }).shows(e -> e instanceof ModuleEvent.DataSent data && data.connectId() == 3,
                        s -> s.connections().get(3).bytesSent() == 400 && s.connections().get(3).bytesReceived() == 200,
                        Metric.counter("mipgate.link.sent", "module", "m", "connect_id", "3", "protocol", "UDP")),
                Scenario.of("module buffer overflow (\"drop\")", c -> c.faults().emitUrc("+MIPURC: \"drop\",1,512"))
                        .shows(e -> e instanceof ModuleEvent.DataDropped drop
                                        && drop.source() == ModuleEvent.DropSource.MODULE,
                                s -> s.connections().get(1).droppedBytes() == 512,
                                Metric.counter("mipgate.link.dropped", "module", "m", "connect_id", "1", "source",
                                        "module")),
                Scenario.of("stale socket on open (+CME ERROR: 552)", c -> {
                    c.faults().failNextCommands(552, 1);
                    c.inFlight.add(c.module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", c.fixture.echo.port(), 3, null,
                            null, null)));
                }).shows(e -> e instanceof ModuleEvent.JobFinished job && job.command().equals("AT+MIPOPEN")
                                && Integer.valueOf(552).equals(job.cmeCode()),
                        s -> s.connections().get(3).reason() != null && s.connections().get(3).reason().contains("552"),
                        Metric.counter("mipgate.at.cme.errors", "module", "m", "code", "552")),
                Scenario.of("late \"disconn\" of a predecessor on a reused id", c -> {
                    // id 0 is closed and opened again, then the first lifetime's "disconn" arrives late
                    c.module.close(0, null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    c.open(0, AccessMode.NORMAL);
                    c.faults().emitStaleDisconn(0, 1);
                }).shows(e -> e instanceof ModuleEvent.JobFinished job && job.command().equals("AT+MIPSTATE"),
                                allConnected(0, 1, 2), urcs("disconn")),
                Scenario.of("job queue full", c -> {
                    c.faults().delayNextResponse(Duration.ofSeconds(1));
                    for (int i = 0; i < 8; i++) {
                        c.inFlight.add(c.module.refresh(0));
                    }
                }).shows(ModuleEvent.JobRejected.class::isInstance, s -> s.faults().rejectedJobs() > 0,
                        Metric.counter("mipgate.at.jobs.rejected", "module", "m", "reason", "queue_full")));
    }

    private static Predicate<ModuleEvent> urc(String type) {
        return e -> e instanceof ModuleEvent.UrcSeen seen && seen.urcType().equals(type);
    }

    private static Predicate<ModuleEvent> closed(int connectId) {
        return e -> e instanceof ModuleEvent.ConnectionChanged changed && changed.connectId() == connectId
                && changed.to() == ConnectionState.CLOSED;
    }

    /** A reboot shows as one reset counted and as connections closed for "module reset". */
    private static Predicate<ModuleSnapshot> resetSeen() {
        return s -> s.faults().moduleResets() == 1
                && s.connections().stream().anyMatch(c -> "module reset".equals(c.reason()));
    }

    /** A fault the gateway must shrug off: the connections it had stay open, as the module has them. */
    private static Predicate<ModuleSnapshot> allConnected(int... connectIds) {
        return s -> Arrays.stream(connectIds).allMatch(id -> s.connections().get(id).state() == ConnectionState.CONNECTED);
    }

    private static Metric resets() {
        return Metric.counter("mipgate.module.resets", "module", "m");
    }

    private static Metric urcs(String type) {
        return Metric.counter("mipgate.urcs", "module", "m", "type", type);
    }

    private static Metric transitions(int connectId, ConnectionState state) {
        return Metric.counter("mipgate.connection.transitions", "module", "m", "connect_id",
                Integer.toString(connectId), "state", state.name());
    }

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
        module = fixture.gateway.emulated("m", "ML307R", s -> s.withQueueCapacity(4));
        new ModuleEventMetrics(registry, new MetricsProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), 64),
                new StaticListableBeanFactory(Map.of("modules", fixture.gateway.manager)).getBeanProvider(ModuleDirectory.class));
        fixture.gateway.manager.subscribe(event -> {
            if (recording) {
                snapshots.add(module.snapshot());
            }
        });
        fixture.gateway.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : closeAfter) {
            resource.close();
        }
    }

    @AfterAll
    static void report() {
        System.out.println("fault campaign: " + RECOVERY_MILLIS.size() + " scenarios, recovery to UP (ms) "
                + RECOVERY_MILLIS);
    }

    private FaultInjector faults() {
        return fixture.gateway.module("m").faults();
    }

    private void sendTracked(int connectId, byte[] payload) throws Exception {
        module.send(connectId, payload, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        sent.computeIfAbsent(connectId, id -> new ByteArrayOutputStream()).writeBytes(payload);
    }

    private void readAvailable(int connectId) {
        received.computeIfAbsent(connectId, id -> new ByteArrayOutputStream())
                .writeBytes(module.read(connectId, 64 * 1024));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theGatewayComesBackAndLosesNothingItWasGiven(Scenario scenario) throws Exception {
        open(0, AccessMode.NORMAL);
        open(1, AccessMode.STREAM_BUFFER);
        open(2, AccessMode.NORMAL);
        for (int id = 0; id <= 2; id++) {
            sendTracked(id, Payloads.binary(300 + id, 10 + id));
        }
        for (int id = 0; id <= 2; id++) {
            int connectId = id;
            await().atMost(WAIT).until(() -> {
                readAvailable(connectId);
                return received.get(connectId).size() == sent.get(connectId).size();
            });
        }
        double metricBefore = scenario.metric().value().applyAsDouble(registry);
        int eventsBefore = fixture.gateway.events.size();
        recording = true;
        long started = System.nanoTime();

        scenario.fault().inject(this);

        // the module is UP again within the bound and the failure is visible in the event stream
        await().atMost(scenario.bound()).until(() -> fixture.gateway.events.subList(eventsBefore, fixture.gateway.events.size())
                .stream().anyMatch(scenario.event()));
        inFlight.forEach(job -> job.handle((ok, failure) -> null).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
        await().atMost(scenario.bound()).until(() -> module.snapshot().status() == ModuleStatus.UP
                && "NONE".equals(module.snapshot().recoveryRung()) && module.snapshot().queueDepth() == 0);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        recording = false;
        RECOVERY_MILLIS.put(scenario.name(), millis);
        System.out.printf("fault campaign: %-60s UP again in %5d ms (bound %d ms)%n", scenario.name(), millis,
                scenario.bound().toMillis());

        // ... in the snapshot the API serves, and in the metrics
        snapshots.add(module.snapshot());
        assertThat(snapshots).as("a snapshot from the fault to recovery shows it").anyMatch(scenario.snapshot());
        assertThat(scenario.metric().value().applyAsDouble(registry)).as(scenario.metric().description())
                .isGreaterThan(metricBefore);

        // every byte each connection received is read once, in order; all of it where the connection survived
        for (int id = 0; id <= 2; id++) {
            int connectId = id;
            boolean open = module.connection(id).state() == ConnectionState.CONNECTED;
            if (scenario.connectionsSurvive() && open) {
                await().atMost(WAIT).until(() -> {
                    readAvailable(connectId);
                    return received.get(connectId).size() >= sent.get(connectId).size();
                });
                assertThat(received.get(id).toByteArray()).as("connect_id %d", id).isEqualTo(sent.get(id).toByteArray());
            } else {
                readAvailable(id);
                byte[] got = received.get(id).toByteArray();
                byte[] all = sent.get(id).toByteArray();
                assertThat(got.length).as("connect_id %d read no more than it was sent", id).isLessThanOrEqualTo(all.length);
                assertThat(Arrays.equals(got, 0, got.length, all, 0, got.length))
                        .as("connect_id %d read the start of its own stream", id).isTrue();
            }
        }

        // the next job succeeds: a fresh connection echoes exactly
        int next = firstFreeId();
        open(next, AccessMode.NORMAL);
        byte[] fresh = Payloads.binary(777, 99);
        module.send(next, fresh, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Payloads.readExactly(module, next, fresh.length, WAIT)).isEqualTo(fresh);
    }

    private void open(int connectId, AccessMode mode) throws Exception {
        module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), connectId, mode, null, null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private int firstFreeId() {
        return module.snapshot().connections().stream()
                .filter(c -> c.state() == ConnectionState.INITIAL || c.state() == ConnectionState.CLOSED)
                .filter(c -> c.connectId() > 2).findFirst().orElseThrow().connectId();
    }
}
