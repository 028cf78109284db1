package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mipgate.module.JobOutcome;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.testsupport.ScriptedModuleDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database goes away while modules keep talking: publishing never waits for it (proved against a database that
 * hangs, not by a stopwatch), the queue fills to its capacity, the overflow is dropped and counted, failed batches
 * are retried, and everything still queued is written once the database is back. Nothing is lost silently:
 * written + dropped = published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:store-outage;DB_CLOSE_DELAY=-1",
        "mipgate.box-id=box-outage",
        "mipgate.store.queue-capacity=100",
        "mipgate.store.batch-size=20",
        "mipgate.store.batch-linger=10ms",
        "mipgate.store.retry-backoff-min=20ms",
        "mipgate.store.retry-backoff-max=100ms"})
@Import({ScriptedModuleDirectory.Config.class, DatabaseOutageTest.Outage.class})
class DatabaseOutageTest {

    @Autowired ScriptedModuleDirectory directory;
    @Autowired SwitchableDataSource database;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry registry;
    @Autowired StoreWriteQueue queue;

    @Test
    void modulesKeepWorkingWhileTheDatabaseIsDownAndWritesResume() {
        publishJobs(10);
        await().atMost(Duration.ofSeconds(5)).until(() -> jobRows() == 10);

        // the database hangs: the writer takes one event and blocks in getConnection with it
        database.state(SwitchableDataSource.State.HUNG);
        publishJobs(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.blocked.get() == 1 && queue.depth() == 0);

        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publishJobs(300));
        await("publishing never waits for the database").atMost(Duration.ofSeconds(20)).until(publishing::isDone);
        assertThat(publishing).isCompleted();
        assertThat(database.blocked.get()).as("the writer is still stuck in the database").isEqualTo(1);

        double dropped = counter("mipgate.store.writes.dropped");
        double depthDuringOutage = gauge("mipgate.store.queue.depth");
        assertThat(depthDuringOutage).as("the queue fills up to its capacity").isEqualTo(100.0);
        assertThat(dropped).as("only what the queue could not hold").isEqualTo(300.0 - 100);
        assertThat(registry.get("mipgate.at.command.duration").tag("module", "m-outage").timer().count())
                .as("metrics keep counting through the outage").isEqualTo(311);

        // now it refuses connections: the batch in hand fails and is retried with back-off
        database.state(SwitchableDataSource.State.DOWN);
        await().atMost(Duration.ofSeconds(20)).until(() -> counter("mipgate.store.write.failures") >= 3);

        database.state(SwitchableDataSource.State.UP);
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth() == 0 && jobRows() == 311 - (long) dropped);
        publishJobs(5);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobRows() == 316 - (long) dropped);

        System.out.printf("database outage: published %d while down, queue depth %.0f, dropped %.0f,"
                        + " write failures %.0f, rows after recovery %d%n", 301, depthDuringOutage, dropped,
                counter("mipgate.store.write.failures"), jobRows());
        assertThat(counter("mipgate.store.writes.dropped")).isEqualTo(dropped);
    }

    private long jobRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM at_job WHERE module_id = 'm-outage'", Long.class);
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private void publishJobs(int n) {
        for (int i = 0; i < n; i++) {
            Instant at = Instant.now();
            directory.publish(new ModuleEvent.JobFinished("m-outage", at, "AT+MIPSTATE", JobOutcome.OK, null,
                    at.minusMillis(20), at.minusMillis(10), at));
        }
    }

    /**
     * A data source that can be switched off: HUNG blocks every caller (a server that accepts and never answers),
     * DOWN fails connections as if the server were unreachable.
     */
    static class SwitchableDataSource extends DelegatingDataSource {
        enum State { UP, HUNG, DOWN }

        private State state = State.UP;
        final AtomicInteger blocked = new AtomicInteger();

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        synchronized void state(State value) {
            state = value;
            notifyAll();
        }

        @Override
        public Connection getConnection() throws SQLException {
            synchronized (this) {
                blocked.incrementAndGet();
                try {
                    while (state == State.HUNG) {
                        wait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLTransientConnectionException("interrupted while the database hung", e);
                } finally {
                    blocked.decrementAndGet();
                }
                if (state == State.DOWN) {
                    throw new SQLTransientConnectionException("database unreachable (test outage)");
                }
            }
            return super.getConnection();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {
        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(bean instanceof SwitchableDataSource)
                            ? new SwitchableDataSource(ds) : bean;
                }
            };
        }
    }
}
