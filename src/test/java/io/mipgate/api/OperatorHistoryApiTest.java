package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators ask about is served from the history store: status changes, DNS, NTP, cellular changes, actions. */
class OperatorHistoryApiTest extends ApiTestBase {

    @Test
    void dnsAndNtpResultsAreQueryable() {
        assertThat(post(ML307R + "/dns", OPERATOR, "{\"domain\":\"echo.mipgate.test\"}").status()).isEqualTo(200);
        Reply ntp = post(ML307R + "/ntp", OPERATOR, "{\"server\":\"127.0.0.1\",\"port\":"
                + ApiTestEnvironment.SNTP.port() + "}");
        assertThat(ntp.status()).as(ntp.text()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode dns = get(ML307R + "/dns/history?size=20", VIEWER).json();
            assertThat(dns.path("items").findValuesAsString("domain")).contains("echo.mipgate.test");
            JsonNode hit = dns.path("items").path(0);
            assertThat(hit.path("succeeded").asBoolean()).isTrue();
            assertThat(hit.path("addresses").path(0).asString()).isEqualTo("127.0.0.1");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode item = get(ML307R + "/ntp/history", VIEWER).json().path("items").path(0);
            assertThat(item.path("server").asString()).isEqualTo("127.0.0.1");
            assertThat(item.path("result").asInt()).isZero();
            assertThat(item.path("at").asString()).endsWith("Z");
        });
    }

    @Test
    void statusCellularAndActionHistoriesAreQueryable() {
        JsonNode status = get(ML307R + "/status/history?size=50", VIEWER).json();
        assertThat(status.path("items").findValuesAsString("to")).contains("UP");

        ApiTestEnvironment.EMULATORS.module("emu-ml307r").network().registration(2);
        try {
            assertThat(post(ML307R + "/cellular/refresh", OPERATOR, null).json().path("registration").asString())
                    .isEqualTo("SEARCHING");
        } finally {
            ApiTestEnvironment.EMULATORS.module("emu-ml307r").network().registration(1);
        }
        post(ML307R + "/cellular/refresh", OPERATOR, null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode changes = get(ML307R + "/cellular/history", VIEWER).json().path("items");
            assertThat(changes.path(0).path("change").asString()).contains("registration SEARCHING→REGISTERED_HOME");
            assertThat(changes.path(1).path("change").asString()).contains("registration REGISTERED_HOME→SEARCHING");
            assertThat(changes.path(1).path("registration").asString()).isEqualTo("SEARCHING");
        });

        put(ML307R + "/cellular/pdp-contexts/5", OPERATOR, "{\"pdpType\":\"IP\",\"apn\":\"history.example\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode action = get(ML307R + "/actions/history", VIEWER).json().path("items").path(0);
            assertThat(action.path("action").asString()).isEqualTo("pdp-context");
            assertThat(action.path("detail").asString()).isEqualTo("AT+CGDCONT=5,\"IP\",\"history.example\"");
            assertThat(action.path("requestedBy").asString()).isEqualTo("key:operator");
            assertThat(action.path("succeeded").asBoolean()).isTrue();
        });
    }

    @Test
    void badQueriesAreProblems() {
        get(ML307R + "/dns/history?from=yesterday", VIEWER).problem(400, "invalid-request");
        get("/api/v1/modules/nope/actions/history", VIEWER).problem(404, "not-found");
        get(ML307R + "/ntp/history?size=100000", VIEWER).problem(400, "invalid-request");
        get(ML307R + "/status/history?page=first", VIEWER).problem(400, "invalid-request");
        get(ML307R + "/status/history", null).problem(401, "unauthorized");
    }
}
