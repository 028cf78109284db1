package io.mipgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.MipgateApplication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mipgate.config.startup.PseudoTerminalTakenFailureAnalyzer;
import io.mipgate.store.BoxId;
import io.mipgate.store.BoxLease;
import io.mipgate.store.StoreProperties;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A gateway that cannot start says why in one line (Spring Boot's "APPLICATION FAILED TO START" report with our
 * analyzers' description and action), not with a bean-creation stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    static void start(String... args) {
        startWith("jdbc:h2:mem:startup-failure;DB_CLOSE_DELAY=-1", args);
    }

    static void startWith(String databaseUrl, String... args) {
        String[] common = {"--server.port=0", "--spring.datasource.url=" + databaseUrl, "--mipgate.startup-wait=1s"};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        assertThatThrownBy(() -> SpringApplication.run(MipgateApplication.class, all).close())
                .isInstanceOf(Exception.class);
    }

    @Test
    void aDemoPortInUseNamesThePortAndTheProperty(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            start("--spring.profiles.active=demo", "--mipgate.demo.port-fallback=false",
                    "--mipgate.demo.echo-port=" + taken.getLocalPort());
            assertThat(output.getOut() + output.getErr())
                    .contains("APPLICATION FAILED TO START")
                    .contains("Port in use: the demo TCP echo service could not bind 127.0.0.1:" + taken.getLocalPort())
                    .contains("set mipgate.demo.echo-port to a free port")
                    .doesNotContain("UnsatisfiedDependencyException");
        }
    }

    @Test
    void aBadModuleSettingNamesTheModuleAndTheSetting(CapturedOutput output) {
        start("--mipgate.modules[0].id=m0", "--mipgate.modules[0].port=carrier-pigeon:ML307R");
        assertThat(output.getOut() + output.getErr())
                .contains("Bad configuration value: module 'm0': link setting")
                .contains("Fix mipgate.modules entry 'm0'");
    }

    @Test
    void anUnreachableDatabaseNamesItsUrl(CapturedOutput output) {
        startWith("jdbc:postgresql://127.0.0.1:1/mipgate", "--spring.datasource.username=x",
                "--spring.datasource.hikari.initialization-fail-timeout=1");
        assertThat(output.getOut() + output.getErr())
                .contains("Database unreachable: jdbc:postgresql://127.0.0.1:1/mipgate: ")
                .contains("point spring.datasource.url");
    }

    @Test
    void anH2FileAnotherProcessHoldsIsExplained(CapturedOutput output, @TempDir Path data) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("mipgate") + ";AUTO_SERVER=FALSE";
        DriverManager.getConnection(url, "sa", "").close();
        // what H2 in another process does while it has the file open: a lock on it (in this JVM H2 would share it)
        try (FileChannel file = FileChannel.open(data.resolve("mipgate.mv.db"), StandardOpenOption.WRITE);
             FileLock otherGateway = file.lock()) {
            startWith(url);
            assertThat(output.getOut() + output.getErr())
                    .contains("Database in use: jdbc:h2:file:" + data.resolve("mipgate") + " is open in another process")
                    .contains("--mipgate.store.h2-file=./data/second");
        }
    }

    @Test
    void aPseudoTerminalNameHeldByALiveDeviceIsExplained() {
        FailureAnalysis analysis = new PseudoTerminalTakenFailureAnalyzer().analyze(new IllegalStateException(
                "emulator", new FileAlreadyExistsException("/tmp/mipgate/ttyEMU0", "/dev/pts/7", "live")));
        assertThat(analysis.getDescription()).isEqualTo("Serial device busy: /tmp/mipgate/ttyEMU0 already links to"
                + " /dev/pts/7, a device another gateway or emulator has open.");
        assertThat(new PseudoTerminalTakenFailureAnalyzer().analyze(
                new FileAlreadyExistsException("/var/lib/x", null, null))).isNull();
    }

    @Test
    void aBoxIdAnotherRunningGatewayHoldsIsRefusedBeforeItsOpenRowsAreTouched(CapturedOutput output) {
        String url = "jdbc:h2:mem:startup-box-lease;DB_CLOSE_DELAY=-1";
        DriverManagerDataSource database = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("INSERT INTO connection_record (box_id, module_id, connect_id, generation, last_state, opened_at)"
                + " VALUES ('twin', 'm0', 1, 1, 'CONNECTED', CURRENT_TIMESTAMP)");
        BoxLease otherGateway = new BoxLease(jdbc, new BoxId("twin"),
                new StoreProperties.Lease(true, Duration.ofMillis(200), null), new SimpleMeterRegistry(), "other");
        otherGateway.start();
        try {
            startWith(url, "--mipgate.box-id=twin", "--mipgate.store.lease.heartbeat=200ms");
            assertThat(output.getOut() + output.getErr())
                    .contains("APPLICATION FAILED TO START")
                    .containsPattern("box id 'twin' is held by another running gateway \\(host .+, pid \\d+, last seen"
                            + " \\S+\\): give each gateway its own mipgate.box-id")
                    .doesNotContain("UnsatisfiedDependencyException");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM connection_record WHERE box_id = 'twin'"
                    + " AND closed_at IS NULL", Integer.class)).as("the running gateway's open row").isEqualTo(1);
        } finally {
            otherGateway.stop();
        }
    }
}
