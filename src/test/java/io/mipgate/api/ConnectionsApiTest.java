package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectionsApiTest extends ApiTestBase {

    private static byte[] allBytes() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    @Test
    void listsModulesWithIdentityAndStatus() {
        Reply list = get("/api/v1/modules", VIEWER);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("id")).contains("emu-ml307r", "emu-mn316", "emu-small", "down");
        JsonNode module = get(ML307R, VIEWER).json();
        assertThat(module.path("model").asString()).isEqualTo("ML307R");
        assertThat(module.path("status").asString()).isEqualTo("UP");
        assertThat(module.path("imei").asString()).isNotBlank();
        assertThat(module.path("queueCapacity").asInt()).isEqualTo(64);
        assertThat(get("/api/v1/modules/down", VIEWER).json().path("status").asString()).isNotEqualTo("UP");
        Reply retry = post("/api/v1/modules/down/retry", OPERATOR, null);
        assertThat(retry.status()).as(retry.text()).isEqualTo(202);
        assertThat(retry.json().path("id").asString()).isEqualTo("down");
    }

    @Test
    void tcpSessionThroughJsonAndOctetStream() {
        int id = openEcho(ML307R, 0);
        String connection = ML307R + "/connections/" + id;
        try {
            Reply sent = post(connection + "/send", OPERATOR, "{\"data\":\"hello\"}");
            assertThat(sent.status()).as(sent.text()).isEqualTo(200);
            assertThat(sent.json().path("accepted").asInt()).isEqualTo(5);
            assertThat(new String(readAll(ML307R, id, 5), StandardCharsets.UTF_8)).isEqualTo("hello");

            // HEAD is safe: it tells what waits and takes nothing (it used to run the GET handler and lose the bytes)
            post(connection + "/send", OPERATOR, "{\"data\":\"kept\"}");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    "4".equals(send("HEAD", connection + "/data", OPERATOR, null, null, null).header("X-Remaining-Bytes")));
            assertThat(new String(readAll(ML307R, id, 4), StandardCharsets.UTF_8)).isEqualTo("kept");

            // all 256 byte values: octet-stream in, octet-stream out
            Reply binary = send("POST", connection + "/send", OPERATOR, "application/octet-stream", allBytes(), null);
            assertThat(binary.json().path("accepted").asInt()).isEqualTo(256);
            assertThat(readAll(ML307R, id, 256)).isEqualTo(allBytes());

            // base64 in, JSON (base64) out
            post(connection + "/send", OPERATOR, "{\"data\":\"" + Base64.getEncoder().encodeToString(allBytes())
                    + "\",\"encoding\":\"base64\"}");
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
                JsonNode data = get(connection + "/data?max=100", OPERATOR).json();
                assertThat(data.path("length").asInt()).isLessThanOrEqualTo(100);
                received.writeBytes(Base64.getDecoder().decode(data.path("data").asString()));
                return received.size() >= 256;
            });
            assertThat(received.toByteArray()).isEqualTo(allBytes());

            // hex in, with waitForAck (TCP, AT+MIPSACK)
            Reply acked = post(connection + "/send", OPERATOR, "{\"data\":\"" + HexFormat.of().formatHex(allBytes())
                    + "\",\"encoding\":\"hex\",\"waitForAck\":true}");
            assertThat(acked.json().path("acked").asBoolean()).isTrue();
            assertThat(readAll(ML307R, id, 256)).isEqualTo(allBytes());

            JsonNode state = get(connection, VIEWER).json();
            assertThat(state.path("state").asString()).isEqualTo("CONNECTED");
            assertThat(state.path("protocol").asString()).isEqualTo("TCP");
            assertThat(state.path("remotePort").asInt()).isEqualTo(ApiTestEnvironment.TCP_ECHO.port());
            assertThat(get(ML307R + "/connections", VIEWER).json().findValuesAsString("state")).contains("CONNECTED");

            JsonNode sack = get(connection + "/sack", VIEWER).json();
            assertThat(sack.path("sent").asLong()).isGreaterThanOrEqualTo(5 + 256 * 3);
            assertThat(sack.path("received").asLong()).isEqualTo(sack.path("sent").asLong());

            Reply buffered = put(connection + "/mode", OPERATOR, "{\"accessMode\":\"streamBuffer\"}");
            assertThat(buffered.status()).as(buffered.text()).isEqualTo(200);
            assertThat(buffered.json().path("accessMode").asString()).isEqualTo("streamBuffer");
            post(connection + "/send", OPERATOR, "{\"data\":\"buffered\"}");
            assertThat(new String(readAll(ML307R, id, 8), StandardCharsets.UTF_8)).isEqualTo("buffered");
            assertThat(put(connection + "/mode", OPERATOR, "{\"accessMode\":\"normal\"}").json().path("accessMode")
                    .asString()).isEqualTo("normal");
        } finally {
            Reply closed = delete(connection, OPERATOR);
            assertThat(closed.status()).as(closed.text()).isEqualTo(200);
            assertThat(closed.json().path("connection").path("state").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void udpRoundTripAndGatewayPickedId() {
        Reply opened = post(MN316 + "/connections", OPERATOR, "{\"protocol\":\"UDP\",\"host\":\"127.0.0.1\",\"port\":"
                + ApiTestEnvironment.UDP_ECHO.port() + "}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        int id = opened.json().path("connectId").asInt();
        assertThat(id).isBetween(0, 4);
        assertThat(opened.header("Location")).isEqualTo(MN316 + "/connections/" + id);
        try {
            Reply sent = send("POST", MN316 + "/connections/" + id + "/send", OPERATOR, "application/octet-stream",
                    allBytes(), null);
            assertThat(sent.status()).as(sent.text()).isEqualTo(200);
            assertThat(readAll(MN316, id, 256)).isEqualTo(allBytes());
        } finally {
            closeQuietly(MN316, id);
        }
    }

    @Test
    void asyncOpenReportsThroughJob() {
        Reply accepted = post(ML307R + "/connections?async=true", OPERATOR, "{\"protocol\":\"TCP\",\"host\":"
                + "\"127.0.0.1\",\"port\":" + ApiTestEnvironment.TCP_ECHO.port() + ",\"connectId\":1}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).startsWith("/api/v1/jobs/");
        assertThat(accepted.json().path("status").asString()).isIn("PENDING", "SUCCEEDED");
        JsonNode job = awaitJob(location);
        try {
            assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(job.path("kind").asString()).isEqualTo("open");
            assertThat(job.path("result").path("state").asString()).isEqualTo("CONNECTED");
        } finally {
            closeQuietly(ML307R, 1);
        }
    }
    @Test
    void asyncSendsGoOutInTheOrderTheyWereQueuedAndReportThroughTheirJobs() {
        int id = openEcho(ML307R, 2);
        String connection = ML307R + "/connections/" + id;
        try {
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            String last = null;
            for (int i = 0; i < 24; i++) {
                byte[] chunk = new byte[200];
                java.util.Arrays.fill(chunk, (byte) i);
                chunk[0] = (byte) (0x80 | i);
                expected.writeBytes(chunk);
                Reply queued = send("POST", connection + "/send?async=true", OPERATOR, "application/octet-stream",
                        chunk, null);
                assertThat(queued.status()).as(queued.text()).isEqualTo(202);
                assertThat(queued.json().path("kind").asString()).isEqualTo("send");
                last = queued.header("Location");
            }
            JsonNode job = awaitJob(last);
            assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(job.path("result").path("accepted").asInt()).isEqualTo(200);
            assertThat(readAll(ML307R, id, expected.size())).isEqualTo(expected.toByteArray());
        } finally {
            closeQuietly(ML307R, id);
        }
    }
}
