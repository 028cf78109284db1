package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.at.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerSmokeTest {

    @Test
    void startsIdentifiesAndEchoesOverTcp() throws Exception {
        try (Gateway gateway = new Gateway(); TcpEchoServer echo = TcpEchoServer.start()) {
            ModuleClient module = gateway.emulated("m0", "ML307R");
            gateway.start();
            assertThat(module.snapshot().status()).isEqualTo(ModuleStatus.UP);
            assertThat(module.snapshot().model()).isEqualTo("ML307R");

            var connection = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), null, null, null, null))
                    .get(10, TimeUnit.SECONDS);
            assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);

            byte[] payload = new byte[256];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) i;
            }
            var sent = module.send(connection.connectId(), payload, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
            assertThat(sent.accepted()).isEqualTo(256);

            ByteArrayOutputStream received = new ByteArrayOutputStream();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                received.write(module.read(connection.connectId(), 4096));
                return received.size() >= payload.length;
            });
            assertThat(received.toByteArray()).isEqualTo(payload);

            var closed = module.close(connection.connectId(), null).get(10, TimeUnit.SECONDS);
            assertThat(closed.connection().state()).isEqualTo(ConnectionState.CLOSED);
        }
    }
}
