package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that reads a normal-mode connection more slowly than the peer sends (issue 16, defect 6): the module pushes
 * without flow control, so before the gateway's buffer fills the connection is held back in the module, and nothing
 * is lost. The virtual module paces its line as a real one does: half the gateway buffer is the headroom for what
 * arrives while the switch waits for the job in progress, and only a line rate bounds that.
 */
class SlowReaderTest {

    private static final int GATEWAY_BUFFER = 16 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ModuleClient module;

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
        module = fixture.gateway.emulated("m", "ML307R?baud=921600", s -> s.withReceiveBuffer(GATEWAY_BUFFER));
        fixture.gateway.start();
    }

    @Test
    void aClientThatDoesNotReadLosesNothingAndGetsPushModeBackWhenItCatchesUp() throws Exception {
        int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), 0, AccessMode.NORMAL, null, null))
                .get(15, TimeUnit.SECONDS).connectId();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (int i = 0; i < 64; i++) {
            byte[] chunk = Payloads.binary(1024, 100 + i);
            module.send(id, chunk, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            sent.write(chunk);
        }
        await().atMost(WAIT).until(() -> module.connection(id).receiveHeld());
        assertThat(module.connection(id).mode()).isEqualTo(AccessMode.STREAM_BUFFER);

        byte[] received = Payloads.readExactly(module, id, sent.size(), WAIT);

        assertThat(received).isEqualTo(sent.toByteArray());
        assertThat(fixture.gateway.events(ModuleEvent.DataDropped.class)).isEmpty();
        assertThat(module.connection(id).droppedBytes()).isZero();
        await().atMost(WAIT).until(() -> !module.connection(id).receiveHeld()
                && module.connection(id).mode() == AccessMode.NORMAL);
        assertThat(fixture.gateway.events(ModuleEvent.ReceiveHeld.class)).extracting(ModuleEvent.ReceiveHeld::held)
                .containsExactly(true, false);
        byte[] after = Payloads.binary(700, 999);
        module.send(id, after, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Payloads.readExactly(module, id, after.length, WAIT)).isEqualTo(after);
    }
}
