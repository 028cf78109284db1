package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.FaultInjector;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.module.event.ModuleEvent;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault campaign (issue 16): each fault a module, its line or its peer can throw at the gateway, injected into
 * a virtual module that carries a push-mode and a buffer-mode connection with traffic. For each: the module is UP
 * again within {@link #RECOVERY_BOUND}, the next job works, every byte each connection received is read once and in
 * order (all of it where the connection survives the fault), nothing lands on another connection, and the failure
 * shows in the events the API streams and the metrics count.
 */
class FaultCampaignTest {

    /**
     * Recovery measured here is about a second (printed at the end); the bound is generous for a busy 2-core box
     * and still fails a gateway that waits out a command's timeout after the module rebooted under it (5-20 s).
     */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Long> RECOVERY_MILLIS = new TreeMap<>();

    /** What a scenario does to the module, and what it must leave behind. */
    record Scenario(String name, Fault fault, boolean connectionsSurvive, Predicate<ModuleEvent> visibleAs,
                    Duration bound) {
        Scenario(String name, Fault fault, boolean connectionsSurvive, Predicate<ModuleEvent> visibleAs) {
            this(name, fault, connectionsSurvive, visibleAs, RECOVERY_BOUND);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Fault {
        void inject(FaultCampaignTest campaign) throws Exception;
    }

    private TcpEchoServer echo;
    private Gateway gateway;
    private ModuleClient module;
    private final Map<Integer, ByteArrayOutputStream> sent = new TreeMap<>();
    private final Map<Integer, ByteArrayOutputStream> received = new TreeMap<>();
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("module reboot while idle", c -> c.faults().reboot(), false,
                        ModuleEvent.ModuleReset.class::isInstance),
                new Scenario("module reboot during an open", c -> {
                    c.inFlight.add(c.module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", c.echo.port(), 3, null,
                            null, null)));
                    c.faults().reboot();
                }, false, ModuleEvent.ModuleReset.class::isInstance),
                new Scenario("module reboot during a >-mode send", c -> {
                    c.inFlight.add(c.module.send(0, Payloads.binary(1460, 5), SendOptions.DEFAULT));
                    c.faults().reboot();
                }, false, ModuleEvent.ModuleReset.class::isInstance),
                new Scenario("module reboot during an AT+MIPRD read", c -> {
                    c.sendTracked(1, Payloads.binary(1200, 6));
                    c.faults().reboot();
                }, false, ModuleEvent.ModuleReset.class::isInstance),
                new Scenario("+MATREADY inside another command's answer (FIELD-NOTES §3)", c -> {
                    c.faults().injectUrcInNextResponse("+MATREADY");
                    c.inFlight.add(c.module.refresh(0));
                }, false, ModuleEvent.ModuleReset.class::isInstance),
                new Scenario("link drop (EOF) and re-attach", c -> c.faults().dropAttachment(), false,
                        ModuleEvent.LinkReconnected.class::isInstance),
                new Scenario("swallowed response", c -> {
                    c.faults().swallowNextResponse();
                    c.inFlight.add(c.module.refresh(0));
                }, true, e -> e instanceof ModuleEvent.RecoveryStep step && step.rung().equals("RESYNC"),
                        RECOVERY_BOUND.plusSeconds(5)), // only the command's own timeout (5 s) can tell
                new Scenario("garbage and a partial line", c -> {
                    c.faults().injectBytes(new byte[]{(byte) 0xE0, 0, (byte) 0xFF, '\r', '\n'});
                    c.faults().injectText("\r\n+MIPURC: \"rtcp\",0,7");
                }, true, ModuleEvent.GarbageDiscarded.class::isInstance),
                new Scenario("a URC inside a response", c -> {
                    c.faults().injectUrcInNextResponse("+MIPURC: \"disconn\",4,1");
                    c.inFlight.add(c.module.refresh(0));
                }, true, urc("disconn")),
                new Scenario("peer reset", c -> c.faults().resetConnection(2), true,
                        e -> e instanceof ModuleEvent.ConnectionChanged changed && changed.connectId() == 2
                                && changed.to() == ConnectionState.CLOSED),
                new Scenario("module buffer overflow (\"drop\")", c -> c.faults().emitUrc("+MIPURC: \"drop\",1,512"),
                        true, e -> e instanceof ModuleEvent.DataDropped drop
                                && drop.source() == ModuleEvent.DropSource.MODULE),
                new Scenario("stale socket on open (+CME ERROR: 552)", c -> {
                    c.faults().failNextCommands(552, 1);
                    c.inFlight.add(c.module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", c.echo.port(), 3, null,
                            null, null)));
                }, true, e -> e instanceof ModuleEvent.JobFinished job && job.command().equals("AT+MIPOPEN")
                        && Integer.valueOf(552).equals(job.cmeCode())),
                new Scenario("late \"disconn\" of a predecessor on a reused id", c -> c.faults().emitStaleDisconn(0, 1),
                        true, e -> e instanceof ModuleEvent.JobFinished job && job.command().equals("AT+MIPSTATE")),
                new Scenario("job queue full", c -> {
                    c.faults().delayNextResponse(Duration.ofSeconds(1));
                    for (int i = 0; i < 8; i++) {
                        c.inFlight.add(c.module.refresh(0));
                    }
                }, true, ModuleEvent.JobRejected.class::isInstance));
    }

    private static Predicate<ModuleEvent> urc(String type) {
        return e -> e instanceof ModuleEvent.UrcSeen seen && seen.urcType().equals(type);
    }

    @BeforeEach
    void start() throws Exception {
        echo = TcpEchoServer.start();
        gateway = new Gateway();
        module = gateway.emulated("m", "ML307R", s -> s.withQueueCapacity(4));
        gateway.start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        echo.close();
    }

    @AfterAll
    static void report() {
        System.out.println("fault campaign: recovery to UP (ms) " + RECOVERY_MILLIS);
    }

    private FaultInjector faults() {
        return gateway.module("m").faults();
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
        long started = System.nanoTime();

        scenario.fault().inject(this);

        // the module is UP again within the bound and the failure is visible in the event stream
        await().atMost(scenario.bound()).until(() -> gateway.events.stream().anyMatch(scenario.visibleAs()));
        inFlight.forEach(job -> job.handle((ok, failure) -> null).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
        await().atMost(scenario.bound()).until(() -> module.snapshot().status() == ModuleStatus.UP
                && "NONE".equals(module.snapshot().recoveryRung()) && module.snapshot().queueDepth() == 0);
        RECOVERY_MILLIS.put(scenario.name(), Duration.ofNanos(System.nanoTime() - started).toMillis());

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
        module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), connectId, mode, null, null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private int firstFreeId() {
        return module.snapshot().connections().stream()
                .filter(c -> c.state() == ConnectionState.INITIAL || c.state() == ConnectionState.CLOSED)
                .filter(c -> c.connectId() > 2).findFirst().orElseThrow().connectId();
    }
}
