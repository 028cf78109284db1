package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every recovery path, driven by the virtual module's fault injection. Each test checks that the module comes back
 * UP, that the next job succeeds, and that no received byte is lost or duplicated.
 */
class WorkerRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private ModuleClient module;

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
        module = fixture.gateway.emulated("m", "ML307R", s -> s.withQueueCapacity(2));
        fixture.gateway.start();
    }

    private int openEcho() throws Exception {
        return module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), null, null, null, null))
                .get(15, TimeUnit.SECONDS).connectId();
    }

    private void assertEchoWorks(int connectId, long seed) throws Exception {
        byte[] payload = Payloads.binary(3000, seed);
        module.send(connectId, payload, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        assertThat(Payloads.readExactly(module, connectId, payload.length, WAIT)).isEqualTo(payload);
    }

    private void assertNextJobSucceeds() throws Exception {
        assertThat(module.raw("AT", Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS).ok()).isTrue();
    }

    @Test
    void moduleRebootClosesConnectionsKeepsUnreadDataAndReinitialises() throws Exception {
        int id = openEcho();
        byte[] payload = Payloads.binary(2000, 7);
        module.send(id, payload, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> module.connection(id).bufferedBytes() == payload.length);

        fixture.gateway.module("m").faults().reboot();

        await().atMost(WAIT).until(() -> module.connection(id).state() == ConnectionState.CLOSED
                && module.snapshot().status() == ModuleStatus.UP);
        assertThat(module.connection(id).reason()).isEqualTo("module reset");
        assertThat(fixture.gateway.events(ModuleEvent.ModuleReset.class)).isNotEmpty();
        assertThat(module.read(id, 10_000)).isEqualTo(payload);
        assertEchoWorks(openEcho(), 8);
    }

    @Test
    void settingsOperatorsMadeAreReappliedAfterAReboot() throws Exception {
        module.configure(new io.mipgate.module.request.ConnectionSetting.AutoFree(3, true)).get(10, TimeUnit.SECONDS);
        module.configure(new io.mipgate.module.request.ConnectionSetting.Encoding(2, io.mipgate.domain.SendFormat.HEX,
                io.mipgate.domain.RecvFormat.HEX)).get(10, TimeUnit.SECONDS);
        long resetsBefore = fixture.gateway.events(ModuleEvent.ModuleReset.class).size();
        fixture.gateway.module("m").faults().reboot();
        await().atMost(WAIT).until(() -> fixture.gateway.events(ModuleEvent.ModuleReset.class).size() > resetsBefore
                && module.snapshot().status() == ModuleStatus.UP);

        var autofree = module.config(io.mipgate.domain.MipCfgOption.AUTOFREE, 3).get(10, TimeUnit.SECONDS);
        assertThat(autofree).singleElement().satisfies(line -> assertThat(line.values()).containsExactly("1"));
        var encoding = module.config(io.mipgate.domain.MipCfgOption.ENCODING, 2).get(10, TimeUnit.SECONDS);
        assertThat(encoding).singleElement().satisfies(line -> assertThat(line.values()).containsExactly("1", "1"));
    }

    @Test
    void linkLossFailsWaitingJobsReopensAndAdoptsTheLiveConnection() throws Exception {
        int id = openEcho();
        fixture.gateway.module("m").faults().dropAttachment();

        await().atMost(WAIT).until(() -> fixture.gateway.events(ModuleEvent.LinkReconnected.class).size() == 1);
        await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.UP);
        assertThat(fixture.gateway.events(ModuleEvent.StatusChanged.class))
                .anySatisfy(e -> assertThat(e.to()).isEqualTo(ModuleStatus.DOWN));
        assertThat(module.connection(id).state()).isEqualTo(ConnectionState.CONNECTED);
        assertEchoWorks(id, 9);
        assertNextJobSucceeds();
    }

    @Test
    void aSwallowedResponseTimesOutAndTheWorkerResynchronises() throws Exception {
        fixture.gateway.module("m").faults().swallowNextResponse();
        assertThatThrownBy(() -> module.raw("AT+CGMR", Duration.ofMillis(500)).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModuleException.ModuleTimeout.class);
        assertNextJobSucceeds();
        var firmware = module.raw("AT+CGMR", Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        assertThat(firmware.lines()).containsExactly("ML307R-DL-MBRH0S01");
    }

    @Test
    void aLateAnswerIsNeverTakenForTheNextCommandsAnswer() throws Exception {
        int id = openEcho();
        fixture.gateway.module("m").faults().delayNextResponse(Duration.ofMillis(1500));
        assertThatThrownBy(() -> module.raw("AT+CGMR", Duration.ofMillis(300)).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModuleException.ModuleTimeout.class);
        ConnectionSnapshot state = module.refresh(id).get(10, TimeUnit.SECONDS);
        assertThat(state.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(module.raw("AT+CGSN=1", Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS).lines())
                .singleElement().asString().startsWith("+CGSN: ");
        assertEchoWorks(id, 10);
    }

    @Test
    void garbageOnTheLineIsReportedAndSkipped() throws Exception {
        int id = openEcho();
        fixture.gateway.module("m").faults().injectBytes("\u00e0\u0001garbage!!\r\n+WHAT\r\n".getBytes(StandardCharsets.ISO_8859_1));
        await().atMost(WAIT).until(() -> !fixture.gateway.events(ModuleEvent.GarbageDiscarded.class).isEmpty());
        assertNextJobSucceeds();
        assertEchoWorks(id, 11);
    }

    @Test
    void moduleErrorsAreReportedWithTheirCodeAndTheNextJobSucceeds() throws Exception {
        fixture.gateway.module("m").faults().failNextCommands(552, 2);
        assertThatThrownBy(() -> module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), 0, null, null, null))
                .get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ModuleException.ModuleRefused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(552);
                    assertThat(refused.errorName()).isEqualTo("TCPIP_ALREADY_IN_USE");
                });
        assertThatThrownBy(() -> module.refresh(0).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ModuleException.ModuleRefused.class);
        assertEchoWorks(openEcho(), 12);
    }

    @Test
    void theFirstDnsLookupAfterBootIsRetriedWhenTheModuleIsStillBusy() throws Exception {
        fixture.gateway.module("m").faults().failFirstDnsAfterBoot(581);
        fixture.gateway.module("m").faults().reboot();
        await().atMost(WAIT).until(() -> !fixture.gateway.events(ModuleEvent.ModuleReset.class).isEmpty()
                && module.snapshot().status() == ModuleStatus.UP);
        var addresses = module.resolve(new io.mipgate.module.request.DnsLookup("127.0.0.1", null)).get(20, TimeUnit.SECONDS);
        assertThat(addresses).containsExactly("127.0.0.1");
        assertThat(fixture.gateway.events(ModuleEvent.JobFinished.class).stream()
                .filter(e -> e.command().equals("AT+MDNSGIP")).map(ModuleEvent.JobFinished::cmeCode).toList())
                .containsExactly(581, null);
    }

    @Test
    void aSendRefusedWith550MarksTheConnectionGone() throws Exception {
        int id = openEcho();
        fixture.gateway.module("m").faults().failNextCommands(550, 1);
        assertThatThrownBy(() -> module.send(id, new byte[] {1, 2, 3}, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ModuleException.ModuleRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(550));
        assertThat(module.connection(id).state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(module.connection(id).reason()).startsWith("gone: send refused with 550");
        assertNextJobSucceeds();
    }

    @Test
    void aUrcInsideAResponseReachesItsConnectionAndTheResponseStaysIntact() throws Exception {
        int id = openEcho();
        fixture.gateway.module("m").faults().injectUrcInNextResponse("+MIPURC: \"disconn\"," + id + ",1");
        var answer = module.raw("AT+CGSN=1", Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        assertThat(answer.ok()).isTrue();
        assertThat(answer.lines()).singleElement().asString().startsWith("+CGSN: ");
        assertThat(module.connection(id).state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(module.connection(id).reason()).isEqualTo("peer closed");
    }

    @Test
    void aPeerResetClosesTheConnectionWithTheRightReason() throws Exception {
        int id = openEcho();
        fixture.gateway.module("m").faults().resetConnection(id);
        await().atMost(WAIT).until(() -> module.connection(id).state() == ConnectionState.CLOSED);
        assertThat(module.connection(id).reason()).isEqualTo("connection error");
        assertEchoWorks(openEcho(), 13);
    }

    @Test
    void aFullQueueRefusesAtOnceAndCancelledJobsNeverRun() throws Exception {
        // the answer is held back until the queue has been filled and a job cancelled: no race with a timer
        fixture.gateway.faults.holdReplies();
        CompletableFuture<RawResponse> busy = module.raw("AT", Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> module.snapshot().queueDepth() == 0);
        CompletableFuture<ConnectionSnapshot> queued = module.refresh(1);
        CompletableFuture<ConnectionSnapshot> cancelled = module.refresh(2);
        assertThatThrownBy(() -> module.refresh(3).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModuleException.QueueFull.class);
        assertThat(fixture.gateway.events(ModuleEvent.JobRejected.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("queue full"));
        long mipstateBefore = countFinished("AT+MIPSTATE");
        cancelled.cancel(false);
        assertThat(busy).as("still in flight").isNotDone();
        fixture.gateway.faults.releaseReplies();

        assertThat(busy.get(10, TimeUnit.SECONDS).ok()).isTrue();
        assertThat(queued.get(10, TimeUnit.SECONDS).connectId()).isEqualTo(1);
        assertThatThrownBy(() -> cancelled.get()).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertNextJobSucceeds();
        assertThat(countFinished("AT+MIPSTATE") - mipstateBefore).isEqualTo(1);
    }

    private long countFinished(String command) {
        return fixture.gateway.events(ModuleEvent.JobFinished.class).stream().filter(e -> e.command().equals(command)).count();
    }

    @Test
    void aRestartedGatewayAdoptsTheConnectionsTheModuleKeptOpen() throws Exception {
        int id = openEcho();
        fixture.gateway.manager.close();

        DeviceManager restarted = new DeviceManager(fixture.gateway.links, java.time.Clock.systemUTC());
        try {
            ModuleClient again = restarted.add(ModuleSettings.defaults("m", io.mipgate.transport.LinkSpec.parse("m",
                    "emulator:ML307R")).withIntervals(Duration.ZERO, Duration.ZERO));
            restarted.start(WAIT);
            ConnectionSnapshot adopted = again.connection(id);
            assertThat(adopted.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(adopted.reason()).isEqualTo("adopted from the module");
            assertThat(adopted.remotePort()).isEqualTo(fixture.echo.port());
            byte[] payload = Payloads.binary(1500, 14);
            again.send(id, payload, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
            assertThat(Payloads.readExactly(again, id, payload.length, WAIT)).isEqualTo(payload);
        } finally {
            restarted.close();
        }
    }

    @Test
    void jobsFailFastWhileTheModuleIsDown() throws Exception {
        fixture.gateway.emulators.close();
        await().atMost(WAIT).until(() -> module.snapshot().status() != ModuleStatus.UP);
        assertThatThrownBy(() -> module.refresh(0).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ModuleException.ModuleUnavailable.class);
    }
}
