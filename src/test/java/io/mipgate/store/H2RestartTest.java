package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.MipgateApplication;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.JobOutcome;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.store.history.AtJobRepository;
import io.mipgate.store.history.ConnectionRecordRepository;
import io.mipgate.store.history.ModuleRecordRepository;
import io.mipgate.testsupport.ScriptedModuleDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** History written before a shutdown is there after a restart on the same H2 file, and shutdown flushes the queue. */
class H2RestartTest {

    @TempDir Path dir;

    @Test
    void historySurvivesARestart() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (ConfigurableApplicationContext first = start()) {
            ScriptedModuleDirectory directory = first.getBean(ScriptedModuleDirectory.class);
            directory.publish(new ModuleEvent.JobFinished("gw1-m0", t0, "AT+MIPOPEN", JobOutcome.OK, null,
                    t0.minusMillis(10), t0.minusMillis(5), t0));
            directory.publish(new ModuleEvent.ConnectionChanged("gw1-m0", t0, 1, 7, ConnectionState.INITIAL,
                    ConnectionState.CONNECTED, "open", Protocol.UDP, "127.0.0.1", 9000, AccessMode.PACKET_BUFFER));
            // closing right away: the writer must flush what is queued on shutdown
        }
        try (ConfigurableApplicationContext second = start()) {
            AtJobRepository jobs = second.getBean(AtJobRepository.class);
            assertThat(jobs.countByBoxIdAndModuleId("box-restart", "gw1-m0")).isEqualTo(1);
            assertThat(second.getBean(ConnectionRecordRepository.class)
                    .findByBoxIdAndModuleIdAndConnectIdAndGeneration("box-restart", "gw1-m0", 1, 7)).isPresent();
            assertThat(second.getBean(ModuleRecordRepository.class).findByBoxIdAndModuleId("box-restart", "gw1-m0")
                    .orElseThrow().getFirstSeen()).isEqualTo(t0);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'", Integer.class))
                    .as("migrations are not re-applied").isEqualTo(1);
            assertThat(jobs.findByBoxIdAndModuleIdAndFinishedAtGreaterThanEqualAndFinishedAtLessThan("box-restart",
                    "gw1-m0", t0, t0.plusMillis(1), PageRequest.of(0, 10)).getContent()).hasSize(1);
        }
    }

    /** Command-line arguments, so they win over application.yml (whose default is ./data/). */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MipgateApplication.class, ScriptedModuleDirectory.Config.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("mipgate") + ";AUTO_SERVER=FALSE",
                        "--mipgate.box-id=box-restart", "--mipgate.store.batch-linger=500ms",
                        "--spring.main.banner-mode=off");
    }
}
