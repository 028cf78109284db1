package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.emulator.NetworkConditions;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.store.BoxId;
import io.mipgate.store.usage.DataUsageLedger;
import io.mipgate.store.usage.UsageProperties;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Data usage counted from real traffic through a virtual module to a loopback echo peer: per connection, module and
 * SIM, kept in the database (a fresh ledger over the same database sees it), split at a SIM swap, and exported as
 * gauges against the configured limit (apitest: emu-ml307r 1000 KB, cycle day 5).
 */
class DataUsageApiTest extends ApiTestBase {

    private static final String OTHER_ICCID = "89860499999999999999";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UsageProperties properties;
    @Autowired
    BoxId box;
    @Autowired
    DataUsageLedger ledger;

    @AfterEach
    void putTheSimBack() {
        ApiTestEnvironment.EMULATORS.module("emu-ml307r").network().sim(NetworkConditions.DEFAULT_SIM);
        post(ML307R + "/cellular/refresh", OPERATOR, null);
    }

    @Test
    void bytesAreCountedPerConnectionModuleAndSimAndSurviveARestart() {
        post(ML307R + "/cellular/refresh", OPERATOR, null);
        JsonNode before = get(ML307R + "/usage", VIEWER).json();
        long sentBefore = before.path("cycle").path("sent").asLong();
        long receivedBefore = before.path("cycle").path("received").asLong();

        int id = openEcho(ML307R, 3);
        try {
            Reply sent = send("POST", ML307R + "/connections/" + id + "/send", OPERATOR, "application/octet-stream",
                    new byte[3000], null);
            assertThat(sent.status()).as(sent.text()).isEqualTo(200);
            assertThat(readAll(ML307R, id, 3000)).hasSize(3000);
        } finally {
            closeQuietly(ML307R, id);
        }

        JsonNode usage = get(ML307R + "/usage", VIEWER).json();
        assertThat(usage.path("cycle").path("sent").asLong() - sentBefore).isEqualTo(3000);
        assertThat(usage.path("cycle").path("received").asLong() - receivedBefore).isEqualTo(3000);
        assertThat(usage.path("cycleStart").asString()).endsWith("-05");
        assertThat(usage.path("limitBytes").asLong()).isEqualTo(1000 * 1024);
        assertThat(usage.path("currentIccid").asString()).isEqualTo(NetworkConditions.DEFAULT_SIM.iccid());
        assertThat(usage.path("sims").findValuesAsString("iccid")).contains(NetworkConditions.DEFAULT_SIM.iccid());

        JsonNode connection = get(ML307R + "/usage/connections?limit=5", VIEWER).json().get(0);
        assertThat(connection.path("connectId").asInt()).isEqualTo(3);
        assertThat(connection.path("bytes").path("sent").asLong()).isEqualTo(3000);
        assertThat(connection.path("bytes").path("received").asLong()).isEqualTo(3000);

        JsonNode sim = get("/api/v1/sims/" + NetworkConditions.DEFAULT_SIM.iccid() + "/usage", VIEWER).json();
        assertThat(sim.findValuesAsString("moduleId")).contains("emu-ml307r");

        // a restarted gateway: a fresh ledger over the same database
        long cycleSent = usage.path("cycle").path("sent").asLong();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(restartedLedger().usage("emu-ml307r").cycleBytes().sent()).isEqualTo(cycleSent));
    }

    @Test
    void aSimSwapStartsTheNewSimsOwnCountAndTheModuleKeepsTheSum() {
        ApiTestEnvironment.EMULATORS.module("emu-ml307r").network().sim(new NetworkConditions.Sim(OTHER_ICCID,
                "460049999999999"));
        assertThat(post(ML307R + "/cellular/refresh", OPERATOR, null).json().path("iccid").asString())
                .isEqualTo(OTHER_ICCID);
        long moduleBefore = get(ML307R + "/usage", VIEWER).json().path("total").path("sent").asLong();
        int id = openEcho(ML307R, 4);
        try {
            send("POST", ML307R + "/connections/" + id + "/send", OPERATOR, "application/octet-stream",
                    new byte[500], null);
            readAll(ML307R, id, 500);
        } finally {
            closeQuietly(ML307R, id);
        }
        JsonNode usage = get(ML307R + "/usage", VIEWER).json();
        assertThat(usage.path("total").path("sent").asLong() - moduleBefore).isEqualTo(500);
        JsonNode swapped = get("/api/v1/sims/" + OTHER_ICCID + "/usage", VIEWER).json().get(0);
        assertThat(swapped.path("moduleId").asString()).isEqualTo("emu-ml307r");
        assertThat(swapped.path("total").path("sent").asLong()).isEqualTo(500);
        assertThat(swapped.path("total").path("received").asLong()).isEqualTo(500);
    }

    @Test
    void gaugesCarryTheCycleTheTotalAndTheLimit() {
        String scrape = get("/actuator/prometheus", ADMIN).text();
        assertThat(scrape.lines().filter(l -> l.startsWith("mipgate_cellular_usage_limit_bytes{")
                && l.contains("module=\"emu-ml307r\"")).findFirst().orElseThrow()).endsWith(" 1024000.0");
        assertThat(scrape).contains("mipgate_cellular_usage_warning_ratio{");
        assertThat(scrape.lines().filter(l -> l.startsWith("mipgate_cellular_usage_cycle_bytes{")
                && l.contains("module=\"emu-mn316\"")).count()).isEqualTo(2);
        assertThat(scrape.lines().filter(l -> l.startsWith("mipgate_cellular_usage_limit_bytes{")
                && l.contains("module=\"emu-mn316\"")).findFirst().orElseThrow()).as("no limit").endsWith(" 0.0");
        get("/api/v1/sims/123/usage", VIEWER).problem(400, "invalid-request");
        get("/api/v1/modules/nope/usage", VIEWER).problem(404, "unknown-module");
    }

    private DataUsageLedger restartedLedger() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        return new DataUsageLedger(jdbc, properties, beans.getBeanProvider(Clock.class), box,
                beans.getBeanProvider(ModuleDirectory.class));
    }

}
