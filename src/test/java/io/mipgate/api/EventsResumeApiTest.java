package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SSE events carry an id, and a client reconnecting with Last-Event-ID gets what it missed, once, in order. */
class EventsResumeApiTest extends ApiTestBase {

    record Event(String id, String name, JsonNode data) {
    }

    @Test
    void aReconnectingClientGetsTheEventsItMissedInOrder() throws Exception {
        List<Event> seen;
        try (Stream<String> stream = open(null).body()) {
            runCommands(3);
            seen = read(stream.iterator(), 3);
        }
        assertThat(seen).allSatisfy(e -> assertThat(e.id()).matches("[0-9a-z]+\\.[0-9]+"));
        runCommands(2);

        try (Stream<String> stream = open(seen.get(0).id()).body()) {
            List<Event> resumed = read(stream.iterator(), 4);
            assertThat(resumed).extracting(Event::id).startsWith(seen.get(1).id(), seen.get(2).id())
                    .doesNotContain(seen.get(0).id()).doesNotHaveDuplicates();
            assertThat(resumed).extracting(e -> sequence(e.id())).isSorted();
            assertThat(resumed).extracting(Event::name).containsOnly("job");
            assertThat(resumed.get(3).data().path("box").asString()).isNotBlank();
        }
    }

    @Test
    void anIdFromAnEarlierRunIsAnnouncedAsAGap() throws Exception {
        try (Stream<String> stream = open("zz0ld.5").body()) {
            runCommands(1);
            Event first = read(stream.iterator(), 1, true).get(0);
            assertThat(first.name()).isEqualTo("gap");
            assertThat(first.data().path("reason").asString()).contains("earlier run");
        }
    }

    @Test
    void aMalformedLastEventIdIs400() {
        HttpResponse<String> bad = sendRaw("not an id");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains(PROBLEM + "invalid-request");
    }

    private void runCommands(int n) {
        for (int i = 0; i < n; i++) {
            assertThat(post(ML307R + "/at", ADMIN, "{\"command\":\"AT\"}").status()).isEqualTo(200);
        }
    }

    private HttpResponse<Stream<String>> open(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ML307R
                + "/events?types=job")).header("X-API-Key", VIEWER).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> sendRaw(String lastEventId) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + ML307R + "/events")).header("X-API-Key", VIEWER).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", lastEventId).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Event> read(Iterator<String> lines, int count) throws Exception {
        return read(lines, count, false);
    }

    /** The next {@code count} events (with an id, unless {@code includeUnnumbered}). */
    private static List<Event> read(Iterator<String> lines, int count, boolean includeUnnumbered) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            List<Event> events = new ArrayList<>();
            String id = null;
            String name = null;
            String data = null;
            while (events.size() < count && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    data = line.substring(5);
                } else if (line.isEmpty() && data != null) {
                    if (id != null || includeUnnumbered) {
                        events.add(new Event(id, name, JSON.readTree(data)));
                    }
                    id = null;
                    name = null;
                    data = null;
                }
            }
            return events;
        }).get(15, TimeUnit.SECONDS);
    }

    private static long sequence(String id) {
        return Long.parseLong(id.substring(id.indexOf('.') + 1));
    }
}
