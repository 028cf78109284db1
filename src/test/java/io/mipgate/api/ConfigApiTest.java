package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigApiTest extends ApiTestBase {

    @Test
    void mipcfgOptionIsSetAndReadBack() {
        Reply set = put(ML307R + "/config/mipcfg/autofree/2", ADMIN, "{\"hostReleases\":true}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().get(0).path("values").get(0).asString()).isEqualTo("1");
        Reply read = get(ML307R + "/config/mipcfg/autofree?connectId=2", VIEWER);
        assertThat(read.json().get(0).path("connectId").asInt()).isEqualTo(2);
        put(ML307R + "/config/mipcfg/autofree/2", ADMIN, "{\"hostReleases\":false}");

        Reply timeout = put(ML307R + "/config/mipcfg/timeout/2", ADMIN, "{\"seconds\":20}");
        assertThat(timeout.status()).as(timeout.text()).isEqualTo(200);
    }

    @Test
    void missingOptionValueIsAFieldError() {
        JsonNode problem = put(ML307R + "/config/mipcfg/encoding/2", ADMIN, "{\"sendFormat\":\"hex\"}")
                .problem(400, "invalid-request");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("recvFormat");
    }

    @Test
    void optionsTheModelLacksAre422NamingTheModel() {
        JsonNode problem = put(MN316 + "/config/mipcfg/ackmode/1", ADMIN, "{\"enabled\":true}")
                .problem(422, "unsupported-on-model");
        assertThat(problem.path("model").asString()).isEqualTo("MN316");
        assertThat(get(MN316 + "/config/mipcfg/ssl", VIEWER).problem(422, "unsupported-on-model")
                .path("model").asString()).isEqualTo("MN316");
        assertThat(put(ML307R + "/config/dns/ipv6", ADMIN, "{\"primary\":\"::1\"}")
                .problem(422, "unsupported-on-model").path("model").asString()).isEqualTo("ML307R");
        get(MN316 + "/connections/0/sack", VIEWER).problem(422, "unsupported-on-model");
    }

    @Test
    void keepAliveIsSetAndReadBack() {
        Reply set = put(ML307R + "/config/keepalive/3", ADMIN, "{\"enabled\":true,\"idleSeconds\":120,"
                + "\"intervalSeconds\":60,\"count\":4}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        JsonNode line = set.json().get(0);
        assertThat(line.path("enabled").asBoolean()).isTrue();
        assertThat(line.path("idleSeconds").asInt()).isEqualTo(120);
        assertThat(get(ML307R + "/config/keepalive", VIEWER).json().size()).isGreaterThanOrEqualTo(1);
        put(ML307R + "/config/keepalive/3", ADMIN, "{\"enabled\":false}");
    }

    @Test
    void dnsOptionsAreSetAndReadBack() {
        Reply priority = put(ML307R + "/config/dns/priority", ADMIN, "{\"ipv6First\":false}");
        assertThat(priority.status()).as(priority.text()).isEqualTo(200);
        assertThat(priority.json().get(0).path("option").asString()).isEqualTo("priority");
        Reply timeout = put(MN316 + "/config/dns/timeout", ADMIN, "{\"timeoutSeconds\":30,\"retries\":3}");
        assertThat(timeout.status()).as(timeout.text()).isEqualTo(200);
        assertThat(get(MN316 + "/config/dns/timeout", VIEWER).status()).isEqualTo(200);
    }
}
