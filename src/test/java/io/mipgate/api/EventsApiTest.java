package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventsApiTest extends ApiTestBase {

    @Test
    void serverSentEventsDeliverADataUrc() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ML307R
                        + "/events?types=data,connection-state"))
                .header("X-API-Key", VIEWER).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        int id = openEcho(ML307R, 2);
        try {
            post(ML307R + "/connections/" + id + "/send", OPERATOR, "{\"data\":\"event!\"}");
            Iterator<String> lines = response.body().iterator();
            CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
                boolean inData = false;
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.equals("event:data")) {
                        inData = true;
                    } else if (inData && line.startsWith("data:")) {
                        return line.substring(5);
                    }
                }
                return null;
            });
            String json = data.get(10, TimeUnit.SECONDS);
            var event = JSON.readTree(json);
            assertThat(event.path("type").asString()).isEqualTo("data");
            assertThat(event.path("moduleId").asString()).isEqualTo("emu-ml307r");
            assertThat(event.path("connectId").asInt()).isEqualTo(id);
            assertThat(event.path("bytes").asInt()).isEqualTo(6);
        } finally {
            response.body().close();
            readAll(ML307R, id, 6);
            closeQuietly(ML307R, id);
        }
    }

    @Test
    void unknownModuleEventsAre404() {
        Reply reply = send("GET", "/api/v1/modules/nope/events", VIEWER, null, null, "text/event-stream");
        reply.problem(404, "unknown-module");
        assertThat(Duration.ZERO).isNotNull();
    }
}
