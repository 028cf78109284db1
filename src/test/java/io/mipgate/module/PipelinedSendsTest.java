package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends a client queues back to back (the REST API's {@code async=true}) go out in order, and a TCP stream never
 * carries on past a send that failed: what was queued behind it is refused, not sent, so the peer never sees a hole.
 */
class PipelinedSendsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ModuleClient module;

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
        module = fixture.gateway.emulated("m", "ML307R");
        fixture.gateway.start();
    }

    @Test
    void aSendQueuedBehindOneThatFailsIsNotSentSoTheStreamHasNoHole() throws Exception {
        int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), 0, AccessMode.NORMAL, null, null))
                .get(15, TimeUnit.SECONDS).connectId();
        byte[] first = Payloads.binary(300, 61);
        byte[] failing = Payloads.binary(300, 62);
        byte[] behind = Payloads.binary(300, 63);
        byte[] after = Payloads.binary(300, 64);
        assertThat(module.send(id, first, SendOptions.DEFAULT).get(15, TimeUnit.SECONDS).accepted()).isEqualTo(300);

        // the refusal comes late, so that the next send is surely queued behind it
        fixture.gateway.module("m").faults().delayNextResponse(Duration.ofMillis(300));
        fixture.gateway.module("m").faults().failNextCommands(3, 1);
        CompletableFuture<SendResult> refused = module.send(id, failing, SendOptions.DEFAULT);
        CompletableFuture<SendResult> queuedBehind = module.send(id, behind, SendOptions.DEFAULT);

        assertThatThrownBy(() -> refused.get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(ModuleException.ModuleRefused.class);
        assertThatThrownBy(() -> queuedBehind.get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(ModuleException.StateConflict.class)
                .hasMessageContaining("earlier send");
        assertThat(module.send(id, after, SendOptions.DEFAULT).get(15, TimeUnit.SECONDS).accepted()).isEqualTo(300);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(after);
        assertThat(Payloads.readExactly(module, id, expected.size(), WAIT)).isEqualTo(expected.toByteArray());
        assertThat(module.connection(id).state()).isEqualTo(ConnectionState.CONNECTED);
    }
}
