package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A read the client confirms (issue 16, defect 1): a response lost in transit loses nothing, because bytes are only
 * released when a later read starts past them.
 */
class ConfirmedReadApiTest extends ApiTestBase {

    private static final int CONNECT_ID = 5;

    @Test
    void aRepeatedReadFromTheSameOffsetGetsTheSameBytesAndOnlyAMoveForwardReleasesThem() {
        int id = openEcho(ML307R, CONNECT_ID);
        String data = ML307R + "/connections/" + id + "/data";
        try {
            post(ML307R + "/connections/" + id + "/send", OPERATOR, "{\"data\":\"confirmed\"}");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "9".equals(send("HEAD", data, VIEWER, null, null, null).header("X-Remaining-Bytes")));

            JsonNode first = get(data + "?from=0&max=4", OPERATOR).json();
            JsonNode lost = get(data + "?from=0&max=4", OPERATOR).json(); // the first answer never arrived
            assertThat(text(lost)).isEqualTo(text(first)).isEqualTo("conf");
            assertThat(first.path("offset").asLong()).isZero();
            assertThat(first.path("nextOffset").asLong()).isEqualTo(4);
            long generation = first.path("generation").asLong();

            Reply rest = send("GET", data + "?from=4&generation=" + generation, OPERATOR, null, null,
                    "application/octet-stream");
            assertThat(new String(rest.raw().body(), StandardCharsets.US_ASCII)).isEqualTo("irmed");
            assertThat(rest.header("X-Data-Offset")).isEqualTo("4");
            assertThat(rest.header("X-Next-Offset")).isEqualTo("9");
            assertThat(rest.header("X-Remaining-Bytes")).as("kept until confirmed").isEqualTo("0");
            assertThat(send("HEAD", data, VIEWER, null, null, null).header("X-Remaining-Bytes")).isEqualTo("5");

            get(data + "?from=9", OPERATOR);
            assertThat(send("HEAD", data, VIEWER, null, null, null).header("X-Remaining-Bytes")).isEqualTo("0");
            assertThat(get(data + "?from=4", OPERATOR).problem(409, "state-conflict").path("detail").asString())
                    .contains("acknowledged already", "read from 9");
            assertThat(get(data + "?from=10", OPERATOR).status()).isBetween(400, 422);
            assertThat(get(data + "?from=9&generation=" + (generation + 1), OPERATOR)
                    .problem(409, "state-conflict").path("detail").asString()).contains("generation " + generation);
            assertThat(get(data + "?generation=" + generation, OPERATOR).status()).isBetween(400, 422);
        } finally {
            closeQuietly(ML307R, id);
        }
    }

    private static String text(JsonNode read) {
        return new String(Base64.getDecoder().decode(read.path("data").asString()), StandardCharsets.US_ASCII);
    }
}
