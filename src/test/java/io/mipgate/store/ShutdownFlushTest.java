package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.MipgateApplication;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.OpenRequest;
import io.mipgate.module.SendOptions;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The application stopped right after traffic, on the shipped H2 settings: the workers stop first, the writer then
 * writes their last events and the connections' last counters, and only then is the database closed. Reopened, the
 * file holds every last event. (The same against a real SIGTERM, where H2's own shutdown hook used to close the
 * database first: {@link GatewayCrashTest}.)
 */
class ShutdownFlushTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;

    @Test
    void aStoppedApplicationLeavesItsLastEventsInTheFile() throws Exception {
        Path h2 = dir.resolve("history");
        byte[] reply = "the peer's last word".getBytes();
        int connectId;
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(10_000);
            try (ConfigurableApplicationContext app = start(h2)) {
                ModuleClient module = app.getBean(DeviceManager.class).client("m");
                await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.UP);
                connectId = module.open(new OpenRequest(Protocol.UDP, "127.0.0.1", peer.getLocalPort(), 2,
                        AccessMode.NORMAL, null, null)).get(15, TimeUnit.SECONDS).connectId();
                module.send(connectId, "hello".getBytes(), SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
                DatagramPacket hello = new DatagramPacket(new byte[64], 64);
                peer.receive(hello);
                peer.send(new DatagramPacket(reply, reply.length, hello.getSocketAddress()));
                await().atMost(WAIT).until(() -> module.connection(connectId).bytesReceived() == reply.length);
                // closed at once: nothing of the above has had to wait for a batch linger to pass
            }
        }

        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:h2:file:" + h2 + ";AUTO_SERVER=FALSE",
                "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            Map<String, Object> last = jdbc.queryForList("SELECT to_status, reason FROM module_status_change"
                    + " WHERE module_id = 'm' ORDER BY changed_at DESC, id DESC").getFirst();
            assertThat(last).containsEntry("TO_STATUS", "STOPPED").containsEntry("REASON", "gateway stopping");
            assertThat(jdbc.queryForObject("SELECT status FROM module_record WHERE module_id = 'm'", String.class))
                    .isEqualTo("STOPPED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM at_job WHERE module_id = 'm'"
                    + " AND command = 'AT+MIPSEND' AND outcome = 'OK'", Integer.class)).isEqualTo(1);
            Map<String, Object> connection = jdbc.queryForMap("SELECT generation, received_bytes, buffered_bytes,"
                    + " closed_at FROM connection_record WHERE module_id = 'm' AND connect_id = ?", connectId);
            assertThat(((Number) connection.get("RECEIVED_BYTES")).longValue())
                    .as("the last counters, written after the workers stopped").isEqualTo(reply.length);
            assertThat(((Number) connection.get("BUFFERED_BYTES")).longValue()).isEqualTo(reply.length);
            assertThat(connection.get("CLOSED_AT")).as("left open on the module (close-on-shutdown: false)").isNull();
        } finally {
            db.destroy();
        }
    }

    /** The shipped H2 URL (application.yml), moved into the test's directory with mipgate.store.h2-file. */
    private static ConfigurableApplicationContext start(Path h2) {
        return new SpringApplicationBuilder(MipgateApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("shutdown-test")
                .run("--mipgate.store.h2-file=" + h2,
                        "--mipgate.store.batch-linger=2s",
                        "--mipgate.security.api-keys[0].name=shutdown-admin",
                        "--mipgate.security.api-keys[0].hash={sha256}" + "0".repeat(64),
                        "--mipgate.security.api-keys[0].role=ADMIN",
                        "--mipgate.modules[0].id=m",
                        "--mipgate.modules[0].port=emulator:ML307R?guardMs=50",
                        "--mipgate.modules[0].sack-interval=0s",
                        "--mipgate.modules[0].reconcile-interval=0s",
                        "--mipgate.modules[0].escape-guard=100ms");
    }
}
