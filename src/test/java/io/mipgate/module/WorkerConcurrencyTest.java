package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many connections on one module and many modules at once: every byte comes back to its own connection. */
class WorkerConcurrencyTest {

    @Test
    void sixConcurrentConnectionsOnOneModule() throws Exception {
        try (Gateway gateway = new Gateway(); TcpEchoServer echo = TcpEchoServer.start()) {
            ModuleClient module = gateway.emulated("m", "ML307R");
            gateway.start();
            List<CompletableFuture<ConnectionSnapshot>> opening = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                opening.add(module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), null, null, null, null)));
            }
            List<Integer> ids = new ArrayList<>();
            for (var open : opening) {
                ids.add(open.get(20, TimeUnit.SECONDS).connectId());
            }
            assertThat(ids).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            assertThatNoFreeIdIsLeft(module, echo);

            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            for (int id : ids) {
                sends.add(module.send(id, Payloads.binary(32 * 1024, id), SendOptions.DEFAULT));
            }
            for (var send : sends) {
                assertThat(send.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(32 * 1024);
            }
            for (int id : ids) {
                assertThat(Payloads.readExactly(module, id, 32 * 1024, Duration.ofSeconds(30)))
                        .isEqualTo(Payloads.binary(32 * 1024, id));
            }
            for (int id : ids) {
                module.close(id, null).get(15, TimeUnit.SECONDS);
            }
        }
    }

    private static void assertThatNoFreeIdIsLeft(ModuleClient module, TcpEchoServer echo) {
        var seventh = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), null, null, null, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seventh.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModuleException.StateConflict.class)
                .hasMessageContaining("no free connect_id");
    }

    @Test
    void fourModulesAtOnce() throws Exception {
        try (Gateway gateway = new Gateway(); TcpEchoServer echo = TcpEchoServer.start()) {
            String[] models = {"ML307R", "ML307A", "MN316", "MN319"};
            List<ModuleClient> modules = new ArrayList<>();
            for (int i = 0; i < models.length; i++) {
                modules.add(gateway.emulated("m" + i, models[i]));
            }
            gateway.start();
            assertThat(gateway.manager.modules()).extracting(ModuleSnapshot::status).containsOnly(ModuleStatus.UP);
            assertThat(gateway.manager.modules()).extracting(ModuleSnapshot::model)
                    .containsExactly("ML307R", "ML307A", "MN316", "MN319");

            List<CompletableFuture<Void>> sessions = new ArrayList<>();
            for (int i = 0; i < modules.size(); i++) {
                ModuleClient module = modules.get(i);
                int seed = i;
                sessions.add(module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), null, null, null, null))
                        .thenCompose(c -> module.send(c.connectId(), Payloads.binary(8 * 1024, seed), SendOptions.DEFAULT)
                                .thenApply(sent -> {
                                    assertThat(Payloads.readExactly(module, c.connectId(), 8 * 1024, Duration.ofSeconds(30)))
                                            .isEqualTo(Payloads.binary(8 * 1024, seed));
                                    return c.connectId();
                                }))
                        .thenCompose(id -> module.close(id, null)).thenApply(closed -> null));
            }
            CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }
}
