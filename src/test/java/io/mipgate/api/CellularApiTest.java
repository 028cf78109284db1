package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.emulator.NetworkConditions;
import io.mipgate.emulator.VirtualModule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Cellular status and control through the API against virtual modules whose radio world the test changes: signal
 * drop, deregistration, SIM removal, radio off; each control recorded in history with who asked.
 */
class CellularApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void restoreTheRadioWorld() {
        for (String id : new String[] {"emu-ml307r", "emu-mn316"}) {
            NetworkConditions network = emulator(id).network();
            network.signal(NetworkConditions.DEFAULT_SIGNAL);
            network.registration(1);
            network.sim(NetworkConditions.DEFAULT_SIM);
        }
        put(ML307R + "/cellular/radio", OPERATOR, "{\"on\":true}");
    }

    private static VirtualModule emulator(String id) {
        return ApiTestEnvironment.EMULATORS.module(id);
    }

    @Test
    void statusIsReadWhenTheModuleComesUpWithoutAnybodyAsking() {
        await().atMost(Duration.ofSeconds(20)).until(() -> get(ML307R + "/cellular", VIEWER).status() == 200);
        JsonNode status = get(ML307R + "/cellular", VIEWER).json();
        assertThat(status.path("rssiDbm").asInt()).isEqualTo(-71);
        assertThat(status.path("rsrpDbm").asInt()).isEqualTo(-95);
        assertThat(status.path("rsrqDb").asDouble()).isEqualTo(-9.0);
        assertThat(status.path("registration").asString()).isEqualTo("REGISTERED_HOME");
        assertThat(status.path("registrationSource").asString()).isEqualTo("+CEREG");
        assertThat(status.path("registered").asBoolean()).isTrue();
        assertThat(status.path("attached").asBoolean()).isTrue();
        assertThat(status.path("radioOn").asBoolean()).isTrue();
        assertThat(status.path("operator").asString()).isEqualTo("CHINA MOBILE");
        assertThat(status.path("sim").asString()).isEqualTo("READY");
        assertThat(status.path("iccid").asString()).isEqualTo("89860412102080012345");
        assertThat(status.path("imsi").asString()).isEqualTo("460041234567890");
        assertThat(status.path("imei").asString()).isEqualTo("869999012345678");
        assertThat(status.path("firmware").asString()).startsWith("ML307R");
        JsonNode context = status.path("pdpContexts").get(0);
        assertThat(context.path("cid").asInt()).isEqualTo(1);
        assertThat(context.path("apn").asString()).isEqualTo("CMIOT");
        assertThat(context.path("addresses").get(0).asString()).isEqualTo(java.net.InetAddress.getLoopbackAddress().getHostAddress());
        assertThat(status.path("unavailable").size()).as(status.toString()).isZero();
        assertThat(get("/api/v1/cellular", VIEWER).json().findValuesAsString("moduleId")).contains("emu-ml307r");
    }

    @Test
    void aSignalDropShowsOnTheResourceAndAsAGauge() {
        emulator("emu-ml307r").network().signal(new NetworkConditions.Signal(-105, -121, -16.0));
        JsonNode status = refresh(ML307R);
        assertThat(status.path("rssiDbm").asInt()).isEqualTo(-105);
        assertThat(status.path("rsrpDbm").asInt()).isEqualTo(-121);
        assertThat(metric("mipgate_cellular_signal_rssi_dbm", "emu-ml307r")).isEqualTo(-105.0);
        assertThat(metric("mipgate_cellular_signal_rsrp_dbm", "emu-ml307r")).isEqualTo(-121.0);

        emulator("emu-ml307r").network().signal(new NetworkConditions.Signal(null, -121, -16.0));
        assertThat(refresh(ML307R).path("rssiDbm").isNull()).isTrue();
        assertThat(metric("mipgate_cellular_signal_rssi_dbm", "emu-ml307r")).isEqualTo(-113.0);
    }

    @Test
    void deregistrationAndAMissingSimAreDecodedAndCounted() {
        emulator("emu-ml307r").network().registration(3);
        JsonNode denied = refresh(ML307R);
        assertThat(denied.path("registration").asString()).isEqualTo("DENIED");
        assertThat(denied.path("registered").asBoolean()).isFalse();
        assertThat(denied.path("attached").asBoolean()).isFalse();
        assertThat(denied.path("pdpContexts").get(0).path("addresses").size()).isZero();
        assertThat(metric("mipgate_cellular_registration_state", "emu-ml307r")).isEqualTo(3.0);
        assertThat(metric("mipgate_cellular_registered", "emu-ml307r")).isEqualTo(0.0);

        emulator("emu-ml307r").network().registration(1);
        emulator("emu-ml307r").network().sim(null);
        JsonNode noSim = refresh(ML307R);
        assertThat(noSim.path("sim").asString()).isEqualTo("NOT_INSERTED");
        assertThat(noSim.path("iccid").isNull()).isTrue();
        assertThat(noSim.path("unavailable").path("iccid").asString()).startsWith("+CME ERROR: 10");
        assertThat(noSim.path("unavailable").path("imsi").asString()).startsWith("+CME ERROR: 10");
        assertThat(noSim.path("registration").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(metric("mipgate_cellular_sim_ready", "emu-ml307r")).isEqualTo(0.0);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT change_summary FROM cellular_status_change WHERE module_id = 'emu-ml307r'", String.class))
                .anyMatch(change -> change.contains("sim READY→NOT_INSERTED")));
    }

    @Test
    void anNbModuleWithoutCesqHasNoRsrpAndNoRsrpSeries() {
        JsonNode status = refresh(MN316);
        assertThat(status.path("rssiDbm").asInt()).isEqualTo(-71);
        assertThat(status.path("rsrpDbm").isNull()).isTrue();
        assertThat(status.path("accessTechnology").isNull()).isTrue();
        assertThat(status.path("unavailable").size()).as(status.toString()).isZero();
        assertThat(get("/actuator/prometheus", ADMIN).text().lines())
                .noneMatch(line -> line.startsWith("mipgate_cellular_signal_rsrp_dbm{")
                        && line.contains("module=\"emu-mn316\""));
    }

    @Test
    void radioOffAndOnNeedsAnOperatorAndIsRecorded() {
        put(ML307R + "/cellular/radio", VIEWER, "{\"on\":false}").problem(403, "forbidden");
        Reply off = put(ML307R + "/cellular/radio", OPERATOR, "{\"on\":false}");
        assertThat(off.status()).as(off.text()).isEqualTo(200);
        assertThat(off.json().path("radioOn").asBoolean()).isFalse();
        assertThat(off.json().path("registration").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(off.json().has("rssiDbm") && off.json().path("rssiDbm").isNull()).isTrue();
        Reply on = put(ML307R + "/cellular/radio", OPERATOR, "{\"on\":true}");
        assertThat(on.json().path("registered").asBoolean()).isTrue();
        put(ML307R + "/cellular/radio", OPERATOR, "{}").problem(400, "invalid-request");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT action, detail, requested_by, succeeded FROM operator_action WHERE module_id = 'emu-ml307r'"
                        + " AND action = 'radio'")).contains(
                Map.of("ACTION", "radio", "DETAIL", "AT+CFUN=0", "REQUESTED_BY", "key:operator", "SUCCEEDED", true),
                Map.of("ACTION", "radio", "DETAIL", "AT+CFUN=1", "REQUESTED_BY", "key:operator", "SUCCEEDED", true)));
    }

    @Test
    void pdpContextIsSetAndBadDefinitionsNeverReachTheModule() {
        Reply set = put(ML307R + "/cellular/pdp-contexts/2", OPERATOR, "{\"pdpType\":\"IP\",\"apn\":\"iot.example\"}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().path("pdpContexts").findValuesAsString("apn")).contains("iot.example");

        long before = quietWrittenCount("emu-ml307r");
        put(ML307R + "/cellular/pdp-contexts/2", OPERATOR, "{\"pdpType\":\"PPP\",\"apn\":\"x\"}")
                .problem(400, "invalid-request");
        put(ML307R + "/cellular/pdp-contexts/2", OPERATOR, "{\"pdpType\":\"IP\",\"apn\":\"a\\\";AT+CFUN=0\"}")
                .problem(400, "invalid-request");
        put(ML307R + "/cellular/pdp-contexts/16", OPERATOR, "{\"pdpType\":\"IP\",\"apn\":\"x\"}")
                .problem(400, "invalid-request");
        assertThat(quietWrittenCount("emu-ml307r")).isEqualTo(before);
    }

    @Test
    void rebootIsAcceptedTheModuleComesBackAndTheRequestIsRecorded() {
        String small = "/api/v1/modules/emu-small";
        post(small + "/reboot", VIEWER, null).problem(403, "forbidden");
        Reply reboot = post(small + "/reboot", OPERATOR, null);
        assertThat(reboot.status()).as(reboot.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT to_status FROM module_status_change WHERE module_id = 'emu-small' AND reason = 'module reset'",
                String.class)).contains("RECOVERING"));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(small, VIEWER).json().path("status").asString()
                .equals("UP"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT requested_by FROM operator_action WHERE module_id = 'emu-small' AND action = 'reboot'"
                        + " AND succeeded", String.class)).contains("key:operator"));
    }

    @Test
    void retryIsRecordedWithItsOutcome() {
        assertThat(post(ML307R + "/retry", OPERATOR, null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT failure FROM operator_action WHERE module_id = 'emu-ml307r' AND action = 'retry'",
                String.class)).anyMatch(failure -> failure != null && failure.contains("not FAILED")));
    }

    private JsonNode refresh(String module) {
        Reply reply = post(module + "/cellular/refresh", OPERATOR, null);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private double metric(String name, String module) {
        String prefix = name + "{";
        String tag = "module=\"" + module + "\"";
        return get("/actuator/prometheus", ADMIN).text().lines()
                .filter(line -> line.startsWith(prefix) && line.contains(tag))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix));
    }
}
