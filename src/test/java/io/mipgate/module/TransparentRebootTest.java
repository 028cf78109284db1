package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.module.event.ModuleEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A module that reboots while a connection holds the line in transparent mode prints its {@code +MATREADY} into what
 * the gateway reads as payload. The gateway notices it (a banner after a quiet line, confirmed by a {@code +++} that
 * nobody answers) and recovers within {@link #DETECTION_BOUND}; a peer that sends the same text as payload gets it
 * delivered intact and exactly once, with no reset.
 */
class TransparentRebootTest {

    /** Guard times (60 ms here, 1 s on real firmware) plus the +++ answer timeout (5 s) plus start-up. */
    private static final Duration DETECTION_BOUND = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TcpEchoServer echo;
    private Gateway gateway;
    private ModuleClient module;

    @BeforeEach
    void start() throws Exception {
        echo = TcpEchoServer.start();
        gateway = new Gateway();
        module = gateway.emulated("m", "ML307R");
        gateway.start();
        module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), 0, AccessMode.TRANSPARENT, null, null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(module.snapshot().transparentBridgeActive()).isTrue();
        echoed(Payloads.binary(500, 1));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        echo.close();
    }

    @Test
    void aRebootInTransparentModeIsDetectedAndTheModuleComesBack() throws Exception {
        long started = System.nanoTime();
        gateway.module("m").faults().reboot();

        await().atMost(DETECTION_BOUND).until(() -> !gateway.events(ModuleEvent.ModuleReset.class).isEmpty()
                && module.snapshot().status() == ModuleStatus.UP);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("transparent-mode reboot: detected and UP again in %d ms%n", millis);
        assertThat(module.connection(0).state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(module.connection(0).reason()).isEqualTo("module reset");
        assertThat(module.snapshot().transparentBridgeActive()).isFalse();
        assertThat(module.read(0, 4096)).as("the boot banner is not handed out as payload").isEmpty();

        module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), 1, AccessMode.TRANSPARENT, null, null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        byte[] next = Payloads.binary(300, 2);
        module.send(1, next, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Payloads.readExactly(module, 1, next.length, WAIT)).isEqualTo(next);
    }

    @Test
    void aPeerThatSendsTheBannerAsPayloadGetsItDeliveredOnceAndNoReset() throws Exception {
        await().pollDelay(Duration.ofMillis(TransparentRebootWatch.QUIET.toMillis() * 2)).until(() -> true);
        byte[] banner = "\r\n+MATREADY\r\n+CPIN: READY\r\nand then the peer's own bytes"
                .getBytes(StandardCharsets.US_ASCII);
        echoed(banner);
        byte[] after = Payloads.binary(700, 3);
        echoed(after);

        assertThat(gateway.events(ModuleEvent.ModuleReset.class)).isEmpty();
        assertThat(gateway.events(ModuleEvent.JobFinished.class)).as("the module was asked, and answered")
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
