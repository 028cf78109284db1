package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mipgate.module.request.DnsLookup;
import io.mipgate.module.request.ConnectionSetting;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.module.event.ModuleEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data path's promises against a virtual module: a byte reaches the connection it belongs to, once; nothing the
 * gateway writes as a command can become payload; the operator's settings survive what the gateway does.
 */
class WorkerDataPathTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ModuleClient module;

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
        module = fixture.gateway.emulated("m", "ML307R");
        fixture.gateway.start();
    }

    private int openEcho(Integer connectId) throws Exception {
        return module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), connectId, null, null, null))
                .get(15, TimeUnit.SECONDS).connectId();
    }

    private byte[] echoed(int connectId, byte[] payload) throws Exception {
        module.send(connectId, payload, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return Payloads.readExactly(module, connectId, payload.length, WAIT);
    }

    @Test
    void aLatePromptStillGetsItsPayloadAndNoCommandTextBecomesData() throws Exception {
        int id = openEcho(0);
        module.configure(new ConnectionSetting.SendTimeout(id, 60)).get(10, TimeUnit.SECONDS);
        byte[] payload = Payloads.binary(300, 21);
        fixture.gateway.module("m").faults().delayNextResponse(Duration.ofSeconds(16));

        SendResult sent = module.send(id, payload, SendOptions.DEFAULT).get(60, TimeUnit.SECONDS);

        assertThat(sent.accepted()).isEqualTo(payload.length);
        assertThat(Payloads.readExactly(module, id, payload.length, WAIT)).isEqualTo(payload);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
                .until(() -> module.connection(id).bufferedBytes() == 0);
        assertThat(echoed(id, "after".getBytes())).isEqualTo("after".getBytes());
    }

    @Test
    void aPromptTheModuleAbandonsIsItsRefusalAndTheConnectionKeepsWorking() throws Exception {
        int id = openEcho(1);
        module.configure(new ConnectionSetting.SendTimeout(id, 2)).get(10, TimeUnit.SECONDS);
        fixture.gateway.module("m").faults().swallowNextResponse();

        assertThatThrownBy(() -> module.send(id, Payloads.binary(100, 22), SendOptions.DEFAULT)
                .get(60, TimeUnit.SECONDS))
                .cause().isInstanceOf(ModuleException.ModuleRefused.class);

        assertNothingStrayAndEchoWorks(id, 23);
    }

    @Test
    void aSendWhoseOutcomeCannotBeKnownSaysSoAndNoProbeBecomesPayload() throws Exception {
        int id = openEcho(1);
        module.configure(new ConnectionSetting.SendTimeout(id, 2)).get(10, TimeUnit.SECONDS);
        fixture.gateway.faults.mode(FaultyLinks.Mode.DEAF);

        CompletableFuture<SendResult> lost = module.send(id, Payloads.binary(100, 27), SendOptions.DEFAULT);
        assertThatThrownBy(() -> lost.get(60, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ModuleException.SendOutcomeUnknown.class, unknown -> {
                    assertThat(unknown.connectId()).isEqualTo(id);
                    assertThat(unknown.acceptedBefore()).isZero();
                });
        fixture.gateway.faults.mode(FaultyLinks.Mode.PASS);

        await().atMost(WAIT).until(() -> module.snapshot().recoveryRung().equals("NONE")
                && module.snapshot().status() == ModuleStatus.UP);
        assertNothingStrayAndEchoWorks(id, 28);
    }

    private void assertNothingStrayAndEchoWorks(int id, long seed) throws Exception {
        byte[] next = Payloads.binary(200, seed);
        assertThat(echoed(id, next)).isEqualTo(next);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
                .until(() -> module.connection(id).bufferedBytes() == 0);
        assertThat(module.connection(id).state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aLateDisconnectOfThePredecessorLeavesTheNewConnectionOnTheReusedIdOpen() throws Exception {
        int id = openEcho(2);
        module.close(id, null).get(10, TimeUnit.SECONDS);
        openEcho(id);

        long confirmationsBefore = mipstateQueries();
        fixture.gateway.module("m").faults().emitStaleDisconn(id, 1);

        await().atMost(WAIT).until(() -> mipstateQueries() > confirmationsBefore);
        assertThat(module.connection(id).state()).isEqualTo(ConnectionState.CONNECTED);
        byte[] payload = Payloads.binary(500, 24);
        assertThat(echoed(id, payload)).isEqualTo(payload);
    }

    private long mipstateQueries() {
        return fixture.gateway.events(ModuleEvent.JobFinished.class).stream()
                .filter(job -> job.command().equals("AT+MIPSTATE")).count();
    }

    @Test
    void bytesAClosedConnectionLeftUnreadAreNeverServedToTheNextOneOnItsId() throws Exception {
        int id = openEcho(3);
        byte[] stale = "fourteen bytes".getBytes(StandardCharsets.US_ASCII);
        module.send(id, stale, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> module.connection(id).bufferedBytes() == stale.length);
        module.close(id, null).get(10, TimeUnit.SECONDS);

        openEcho(id);
        byte[] payload = Payloads.binary(2000, 25);
        assertThat(echoed(id, payload)).isEqualTo(payload);
        assertThat(fixture.gateway.events(ModuleEvent.DataDropped.class)).singleElement().satisfies(drop -> {
            assertThat(drop.source()).isEqualTo(ModuleEvent.DropSource.RETIRED);
            assertThat(drop.bytes()).isEqualTo(stale.length);
        });
    }

    @Test
    void openingAConnectionKeepsTheEncodingTheOperatorConfigured() throws Exception {
        module.configure(new ConnectionSetting.Encoding(4, SendFormat.HEX, RecvFormat.HEX)).get(10, TimeUnit.SECONDS);

        int id = openEcho(4);

        var encoding = module.config(MipCfgOption.ENCODING, id).get(10, TimeUnit.SECONDS);
        assertThat(encoding).singleElement().satisfies(line -> assertThat(line.values()).containsExactly("1", "1"));
        assertThat(module.connection(id).recvFormat()).isEqualTo(RecvFormat.HEX);
        byte[] payload = Payloads.binary(1500, 26);
        assertThat(echoed(id, payload)).isEqualTo(payload);
    }

    @Test
    void aFailedLookupIsAnErrorNotAnEmptyAnswer() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().addA("known.mipgate.test", "127.0.0.1");
             Gateway withDns = new Gateway()) {
            ModuleClient resolver = withDns.emulated("d", "ML307R?dns=127.0.0.1:" + dns.port());
            withDns.start();
            assertThat(resolver.resolve(new DnsLookup("known.mipgate.test", null)).get(30, TimeUnit.SECONDS))
                    .containsExactly("127.0.0.1");
            CompletableFuture<java.util.List<String>> unknown = resolver.resolve(new DnsLookup("unknown.mipgate.test", null));
            assertThatThrownBy(() -> unknown.get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(ModuleException.LookupFailed.class,
                            failed -> assertThat(failed.domain()).isEqualTo("unknown.mipgate.test"));
        }
    }
}
