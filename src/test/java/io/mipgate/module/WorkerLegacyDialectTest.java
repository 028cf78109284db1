package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mipgate.at.model.TcpIpDialect;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.request.DnsLookup;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worker drives ML302A and ML305A in their older dialect (FIELD-NOTES §14) through the same operations and
 * events as the manual's: open, a prompted binary send confirmed by SEND OK, counted "recv" pushes, close by
 * CLOSE OK, lookups answered before OK, a refused open and a peer's close.
 */
class WorkerLegacyDialectTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The last spec: an ML302A whose firmware prints the manual's output, as field firmware of a family may differ. */
    @ParameterizedTest
    @ValueSource(strings = {"ML302A", "ML305A", "ML302A?dialect=v5"})
    void everyOperationWorksInTheOlderDialect(String spec) throws Exception {
        String model = spec.replaceAll("\\?.*", "");
        try (TcpEchoServer echo = TcpEchoServer.start();
             LoopbackDnsServer dns = LoopbackDnsServer.start().addA("echo.mipgate.test", "127.0.0.1");
             Gateway gateway = new Gateway()) {
            ModuleClient module = gateway.emulated("m", spec + (spec.contains("?") ? "&" : "?") + "dns=127.0.0.1:"
                    + dns.port());
            gateway.start();
            assertThat(module.capabilities().model()).isEqualTo(model);
            assertThat(io.mipgate.at.model.ModelProfiles.of(model).dialect()).isEqualTo(TcpIpDialect.ML30X_LEGACY);

            int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), 2, null, null, null))
                    .get(15, TimeUnit.SECONDS).connectId();
            byte[] payload = Payloads.binary(20_000, 3);
            SendResult sent = module.send(id, payload, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(sent.accepted()).isEqualTo(payload.length);
            assertThat(Payloads.readExactly(module, id, payload.length, WAIT)).isEqualTo(payload);
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> module.read(id, 1).length == 0);

            CloseOutcome closed = module.close(id, null).get(15, TimeUnit.SECONDS);
            assertThat(closed.connection().state()).isEqualTo(ConnectionState.CLOSED);

            // the legacy STATE and CLOSED of the predecessor on a reused id are confirmed, not believed (§8.3)
            int reused = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), id, null, null, null))
                    .get(15, TimeUnit.SECONDS).connectId();
            long confirmations = mipstateQueries(gateway);
            gateway.module("m").faults().emitStaleDisconn(reused, 1);
            await().atMost(WAIT).until(() -> mipstateQueries(gateway) > confirmations);
            assertThat(module.connection(reused).state()).isEqualTo(ConnectionState.CONNECTED);
            byte[] after = Payloads.binary(700, 4);
            module.send(reused, after, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(Payloads.readExactly(module, reused, after.length, WAIT)).isEqualTo(after);
            module.close(reused, null).get(15, TimeUnit.SECONDS);

            assertThat(module.resolve(new DnsLookup("echo.mipgate.test", null)).get(30, TimeUnit.SECONDS))
                    .containsExactly("127.0.0.1");
            assertThatThrownBy(() -> module.resolve(new DnsLookup("unknown.mipgate.test", null)).get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(ModuleException.LookupFailed.class,
                            failed -> assertThat(failed.domain()).isEqualTo("unknown.mipgate.test"));

            int refusedPort;
            try (ServerSocket unused = new ServerSocket(0)) {
                refusedPort = unused.getLocalPort();
            }
            assertThatThrownBy(() -> module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", refusedPort, 3, null, null,
                    null)).get(15, TimeUnit.SECONDS)).cause().isInstanceOf(ModuleException.ModuleRefused.class);

            int accepted = echo.acceptedCount();
            int again = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), 4, null, null, null))
                    .get(15, TimeUnit.SECONDS).connectId();
            assertThat(echo.awaitAccepted(accepted + 1, WAIT)).isTrue();
            echo.closeAll();
            await().atMost(WAIT).until(() -> module.connection(again).state() == ConnectionState.CLOSED);
            assertThat(module.connection(again).reason()).isEqualTo("peer closed");
            assertThat(module.snapshot().status()).isEqualTo(ModuleStatus.UP);
        }
    }

    private static long mipstateQueries(Gateway gateway) {
        return gateway.events(ModuleEvent.JobFinished.class).stream()
                .filter(job -> job.command().equals("AT+MIPSTATE")).count();
    }
}
