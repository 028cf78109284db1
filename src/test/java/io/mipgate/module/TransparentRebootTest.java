package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A module that reboots while a connection holds the line in transparent mode prints its {@code +MATREADY} into what
 * the gateway reads as payload; the gateway asks the module ({@code +++}) when a banner follows a quiet line. The
 * reboot itself is a {@link FaultCampaignTest} scenario ("module reboot in transparent mode": detected and UP again
 * within 15 s, about 7 s measured, the banner never handed out as payload). Here the other side of the trade-off: a
 * peer that sends the same text as payload gets it delivered intact and exactly once, with no reset, and the
 * connection goes back to transparent mode.
 */
class TransparentRebootTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ModuleClient module;

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
        module = fixture.gateway.emulated("m", "ML307R");
        fixture.gateway.start();
        module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), 0, AccessMode.TRANSPARENT, null, null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(module.snapshot().transparentBridgeActive()).isTrue();
        echoed(Payloads.binary(500, 1));
    }

    @Test
    void aPeerThatSendsTheBannerAsPayloadGetsItDeliveredOnceAndNoReset() throws Exception {
        await().pollDelay(Duration.ofMillis(TransparentRebootWatch.QUIET.toMillis() * 2)).until(() -> true);
        byte[] banner = "\r\n+MATREADY\r\n+CPIN: READY\r\nand then the peer's own bytes"
                .getBytes(StandardCharsets.US_ASCII);
        echoed(banner);
        byte[] after = Payloads.binary(700, 3);
        echoed(after);

        assertThat(fixture.gateway.events(ModuleEvent.ModuleReset.class)).isEmpty();
        assertThat(fixture.gateway.events(ModuleEvent.JobFinished.class)).as("the module was asked, and answered")
                .anyMatch(job -> job.command().equals("+++") && job.outcome() == JobOutcome.OK);
        ConnectionSnapshot connection = module.connection(0);
        assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(module.snapshot().transparentBridgeActive()).isTrue();
        assertThat(module.read(0, 4096)).as("nothing twice").isEmpty();
    }

    /** Sends through the bridge and reads the echo back byte-exact. */
    private void echoed(byte[] payload) throws Exception {
        module.send(0, payload, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Payloads.readExactly(module, 0, payload.length, WAIT)).isEqualTo(payload);
    }
}
