package io.mipgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.MipgateApplication;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.EmulatorLinkFactory;
import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.OpenRequest;
import io.mipgate.transport.LinkFactories;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application stopped and started again while its module keeps running: the new gateway adopts the
 * connection the module kept open, in the mode the module has it, and delivers what arrived meanwhile exactly once.
 */
class ApplicationRestartAdoptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EmulatorLinkFactory emulators = new EmulatorLinkFactory();
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        emulators.close();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MipgateApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("restart-test")
                .properties(Map.of(
                        "mipgate.security.api-keys[0].name", "restart-admin",
                        "mipgate.security.api-keys[0].hash", "{sha256}" + "0".repeat(64),
                        "mipgate.security.api-keys[0].role", "ADMIN",
                        "mipgate.modules[0].id", "m",
                        "mipgate.modules[0].port", "emulator:ML307R",
                        "mipgate.modules[0].sack-interval", "0s",
                        "mipgate.modules[0].reconcile-interval", "0s",
                        "mipgate.modules[0].escape-guard", "100ms"))
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        if (bean instanceof LinkFactories links) {
                            links.register(EmulatorLinkFactory.SCHEME, emulators);
                        }
                        return bean;
                    }
                }))
                // an argument, not a default property: application.yml's H2 file under ./data/ would win over that
                .run("--spring.datasource.url=jdbc:h2:mem:restart-test;DB_CLOSE_DELAY=-1");
    }

    private static ModuleClient module(ConfigurableApplicationContext context) {
        ModuleClient client = context.getBean(DeviceManager.class).client("m");
        await().atMost(WAIT).until(() -> client.snapshot().status() == ModuleStatus.UP);
        return client;
    }

    @Test
    void aRestartedApplicationAdoptsTheBufferedConnectionAndDeliversWhatArrivedMeanwhileOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            running = start();
            int id = module(running).open(new OpenRequest(Protocol.TCP, "127.0.0.1", server.getLocalPort(), 2,
                    AccessMode.STREAM_BUFFER, null, null)).get(15, TimeUnit.SECONDS).connectId();
            try (Socket peer = server.accept()) {
                running.close();
                running = null;
                byte[] meanwhile = new byte[6000];
                new Random(51).nextBytes(meanwhile);
                peer.getOutputStream().write(meanwhile);
                peer.getOutputStream().flush();

                running = start();
                ModuleClient again = module(running);
                ConnectionSnapshot adopted = again.connection(id);
                assertThat(adopted.state()).isEqualTo(ConnectionState.CONNECTED);
                assertThat(adopted.mode()).isEqualTo(AccessMode.STREAM_BUFFER);
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                await().atMost(WAIT).until(() -> {
                    received.write(again.read(id, 64 * 1024));
                    return received.size() >= meanwhile.length;
                });
                assertThat(received.toByteArray()).isEqualTo(meanwhile);
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(20))
                        .until(() -> again.connection(id).bufferedBytes() == 0);
            }
        }
    }
}
