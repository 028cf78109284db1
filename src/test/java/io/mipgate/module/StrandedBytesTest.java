package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No received byte is stranded in the module when its buffer notice never reaches the driver in a shape it knows
 * (issue 17; FIELD-NOTES §4, §8.2): a discarded line, or a buffer-mode connection that stays quiet, makes the gateway
 * ask the module what it holds.
 */
class StrandedBytesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
    }

    private ModuleClient module(UnaryOperator<ModuleSettings> tune) {
        ModuleClient module = fixture.gateway.emulated("m", "ML307R", tune);
        fixture.gateway.start();
        return module;
    }

    private byte[] echoedThroughBufferMode(ModuleClient module, byte[] payload) throws Exception {
        int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), 1, AccessMode.STREAM_BUFFER,
                null, null)).get(15, TimeUnit.SECONDS).connectId();
        module.send(id, payload, SendOptions.DEFAULT).get(15, TimeUnit.SECONDS);
        return Payloads.readExactly(module, id, payload.length, WAIT);
    }

    @Test
    void aBufferNoticeInAShapeNobodyDocumentedStillGetsItsBytesRead() throws Exception {
        ModuleClient module = module(s -> s); // no periodic work: only the discarded line can tell
        fixture.gateway.faults.rewriteInbound(Pattern.compile("\\+MIPURC: \"rtcp\",(\\d+),(\\d+)"), "+MIPURC: \"rtcp\",$1,?$2");
        byte[] payload = Payloads.binary(900, 41);

        assertThat(echoedThroughBufferMode(module, payload)).isEqualTo(payload);
        assertThat(fixture.gateway.events(ModuleEvent.GarbageDiscarded.class)).isNotEmpty();
    }

    @Test
    void aBufferModeConnectionWhoseNoticesAreLostIsAskedAfterOnceItHasBeenQuiet() throws Exception {
        ModuleClient module = module(s -> s.withIntervals(Duration.ZERO, Duration.ofSeconds(1)));
        fixture.gateway.faults.rewriteInbound(Pattern.compile("\r\n\\+MIPURC: \"rtcp\",\\d+,\\d+(,\\d+)?\r\n"), "");
        byte[] payload = Payloads.binary(700, 42);

        assertThat(echoedThroughBufferMode(module, payload)).isEqualTo(payload);
        assertThat(fixture.gateway.events(ModuleEvent.GarbageDiscarded.class)).isEmpty();
    }
}
