package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What one API test class leaves on the shared modules — open connections, received bytes, a connection in
 * transparent mode — is gone before the next class starts.
 */
class ModulesResetApiTest extends ApiTestBase {

    @Autowired ApplicationContext context;

    @Test
    void aResetLeavesNoConnectionBufferOrModeForTheNextClass() {
        int id = openEcho(ML307R, 2);
        assertThat(post(ML307R + "/connections/" + id + "/send", OPERATOR, "{\"data\":\"left behind\"}").status())
                .isEqualTo(200);
        int udp = post(MN316 + "/connections", OPERATOR, "{\"protocol\":\"UDP\",\"host\":\"127.0.0.1\",\"port\":"
                + ApiTestEnvironment.UDP_ECHO.port() + ",\"connectId\":1}").json().path("connectId").asInt();
        Reply transparent = post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\","
                + "\"port\":" + ApiTestEnvironment.TCP_ECHO.port() + ",\"connectId\":3,\"accessMode\":\"transparent\"}");
        assertThat(transparent.status()).as(transparent.text()).isEqualTo(201);
        assertThat(get(ML307R, VIEWER).json().path("transparentMode").asBoolean()).isTrue();

        ModulesReset.resetAll(context); // what runs before every API test class

        assertThat(get(ML307R, VIEWER).json().path("transparentMode").asBoolean()).isFalse();
        for (String connection : new String[] {ML307R + "/connections/" + id, ML307R + "/connections/3",
                MN316 + "/connections/" + udp}) {
            assertThat(get(connection, VIEWER).json().path("state").asString()).as(connection)
                    .isNotIn("CONNECTED", "CONNECTING");
        }
        assertThat(openEcho(ML307R, 2)).as("the connect_id is free again").isEqualTo(2);
        assertThat(get(ML307R + "/connections/2", VIEWER).json().path("bufferedBytes").asInt())
                .as("nothing received before the reset reaches the new connection").isZero();
        closeQuietly(ML307R, 2);
    }
}
