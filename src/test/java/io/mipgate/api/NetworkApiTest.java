package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NetworkApiTest extends ApiTestBase {

    @Test
    void pingReturnsEveryEchoAndStatistics() {
        Reply reply = post(ML307R + "/ping", OPERATOR, "{\"host\":\"127.0.0.1\",\"count\":2,\"timeoutSeconds\":2}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("echoes").size()).isEqualTo(2);
        assertThat(body.path("echoes").get(0).path("result").asInt()).isZero();
        assertThat(body.path("statistics").path("sent").asInt()).isEqualTo(2);
    }

    @Test
    void asyncPingIsAJob() {
        Reply accepted = post(MN316 + "/ping?async=true", OPERATOR, "{\"host\":\"127.0.0.1\",\"count\":1}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode job = awaitJob(accepted.header("Location"));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("result").path("echoes").size()).isEqualTo(1);
    }

    @Test
    void dnsResolvesThroughTheModule() {
        Reply reply = post(ML307R + "/dns", OPERATOR, "{\"domain\":\"echo.mipgate.test\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("addresses").get(0).asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void aNameTheModuleCannotResolveIsABadGatewayProblemNotAnEmptyList() {
        Reply reply = post(ML307R + "/dns", OPERATOR, "{\"domain\":\"nowhere.mipgate.test\"}");
        assertThat(reply.problem(502, "dns-failed").path("domain").asString()).isEqualTo("nowhere.mipgate.test");
    }

    @Test
    void ntpAnswersTheTime() {
        Reply reply = post(ML307R + "/ntp", OPERATOR, "{\"server\":\"127.0.0.1\",\"port\":"
                + ApiTestEnvironment.SNTP.port() + ",\"sync\":false,\"timeoutSeconds\":5}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("succeeded").asBoolean()).isTrue();
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(reply.json().path("time").asString());
        assertThat(java.time.Duration.between(time.toInstant(), java.time.Instant.now()).abs())
                .isLessThan(java.time.Duration.ofMinutes(1));
        assertThat(reply.json().path("moduleTime").asString()).matches("\\d\\d/\\d\\d/\\d\\d,.*[+-]\\d\\d");
    }

    @Test
    void rawAtReturnsTheFullAnswer() {
        Reply reply = post(ML307R + "/at", ADMIN, "{\"command\":\"ATI\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("ok").asBoolean()).isTrue();
        assertThat(reply.json().path("result").asString()).isEqualTo("OK");
        assertThat(reply.json().path("lines").size()).isPositive();
    }
}
