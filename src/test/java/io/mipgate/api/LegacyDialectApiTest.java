package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.net.TcpEchoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway serves ML302A and ML305A modules that print the older ML302 / ML305 dialect (FIELD-NOTES §14) through
 * the same REST API as the others: open, binary send, byte-exact receipt exactly once, close, DNS, and a peer's close.
 * A context of its own, with only these two modules, so that no other API test meets them.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:api-legacy;DB_CLOSE_DELAY=-1",
        "mipgate.modules[0].id=emu-ml302a",
        "mipgate.modules[0].port=emulator:ML302A",
        "mipgate.modules[0].sack-interval=0s",
        "mipgate.modules[0].reconcile-interval=0s",
        "mipgate.modules[1].id=emu-ml305a",
        "mipgate.modules[1].port=emulator:ML305A",
        "mipgate.modules[1].sack-interval=0s",
        "mipgate.modules[1].reconcile-interval=0s"})
class LegacyDialectApiTest extends ApiTestBase {

    private static final TcpEchoServer ECHO = startEcho();

    private static TcpEchoServer startEcho() {
        try {
            return TcpEchoServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopEcho() {
        ECHO.close();
    }

    /** All 256 byte values, sixteen times over. */
    private static byte[] everyByteValue() {
        byte[] data = new byte[16 * 256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    private int open(String module, int connectId) {
        Reply reply = post(module + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":"
                + ECHO.port() + ",\"connectId\":" + connectId + "}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().path("connectId").asInt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML302A", "ML305A"})
    void openSendReceiveCloseAndResolveThroughTheApi(String model) {
        String module = "/api/v1/modules/emu-" + model.toLowerCase(java.util.Locale.ROOT);
        assertThat(get(module, VIEWER).json().path("model").asString()).isEqualTo(model);

        int id = open(module, 1);
        String connection = module + "/connections/" + id;
        byte[] data = everyByteValue();
        Reply sent = send("POST", connection + "/send", OPERATOR, "application/octet-stream", data, null);
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().path("accepted").asInt()).isEqualTo(data.length);
        assertThat(readAll(module, id, data.length)).isEqualTo(data);
        // exactly once: nothing more waits, now or a moment later
        Awaitility.await().during(Duration.ofMillis(500)).atMost(WAIT).until(() ->
                "0".equals(send("HEAD", connection + "/data", OPERATOR, null, null, null).header("X-Remaining-Bytes")));

        Reply closed = delete(connection, OPERATOR);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().path("connection").path("state").asString()).isEqualTo("CLOSED");

        Reply resolved = post(module + "/dns", OPERATOR, "{\"domain\":\"echo.mipgate.test\"}");
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(resolved.json().path("addresses").get(0).asString()).isEqualTo("127.0.0.1");
        Reply unknown = post(module + "/dns", OPERATOR, "{\"domain\":\"nowhere.mipgate.test\"}");
        assertThat(unknown.problem(502, "dns-failed").path("domain").asString()).isEqualTo("nowhere.mipgate.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML302A", "ML305A"})
    void aPeersCloseShowsTheConnectionClosed(String model) throws Exception {
        String module = "/api/v1/modules/emu-" + model.toLowerCase(java.util.Locale.ROOT);
        int accepted = ECHO.acceptedCount();
        int id = open(module, 2);
        assertThat(ECHO.awaitAccepted(accepted + 1, WAIT)).isTrue();
        ECHO.closeAll();
        String connection = module + "/connections/" + id;
        Awaitility.await().atMost(WAIT).until(() -> "CLOSED".equals(get(connection, VIEWER).json().path("state").asString()));
        JsonNode state = get(connection, VIEWER).json();
        assertThat(state.path("reason").asString()).isEqualTo("peer closed");
        assertThat(get(module, VIEWER).json().path("status").asString()).isEqualTo("UP");
    }
}
