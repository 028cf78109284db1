package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.LinkFactories;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bar: a virtual ML307R on a pseudo-terminal, opened with jSerialComm, 1 MiB echoed in each TCP mode. */
class WorkerOverPtyTest {

    private static final int MIB = 1024 * 1024;

    private static PtyModuleFixture fixture;
    private static TcpEchoServer echo;
    private static DeviceManager manager;
    private static ModuleClient module;

    @BeforeAll
    static void start() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        fixture = new PtyModuleFixture(EmulatedFamily.ML307R);
        echo = TcpEchoServer.start();
        manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC());
        module = manager.add(ModuleSettings.defaults("pty0", fixture.link())
                .withEscapeGuard(Duration.ofMillis(60))
                .withIntervals(Duration.ZERO, Duration.ZERO));
        manager.start(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (manager != null) {
            manager.close();
            echo.close();
            fixture.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = AccessMode.class, names = {"NORMAL", "STREAM_BUFFER", "TRANSPARENT"})
    void oneMebibyteEchoesByteExact(AccessMode mode) throws Exception {
        assertThat(module.snapshot().status()).isEqualTo(ModuleStatus.UP);
        var connection = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), null, mode, null, null))
                .get(15, TimeUnit.SECONDS);
        int id = connection.connectId();
        byte[] payload = Payloads.binary(MIB, mode.ordinal());

        long started = System.nanoTime();
        var sending = module.send(id, payload, SendOptions.DEFAULT);
        byte[] received = Payloads.readExactly(module, id, MIB, Duration.ofSeconds(120));
        assertThat(sending.get(60, TimeUnit.SECONDS).accepted()).isEqualTo(MIB);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("pty %s: 1 MiB echoed in %.2f s (%.1f MiB/s)%n", mode, seconds, 1 / seconds);

        assertThat(received).isEqualTo(payload);
        module.close(id, null).get(15, TimeUnit.SECONDS);
    }
}
