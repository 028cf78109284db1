package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Input is taken as written or refused with a problem naming the field, and a refused request never reaches a module
 * (issue 16, defects 2 and 3).
 */
class StrictInputApiTest extends HardeningApiTestBase {

    private static final String MODULE = "/api/v1/modules/" + FUZZ_ML307R;

    @Test
    void pathIdsAreDecimalOnly() {
        for (String id : new String[] {"0x1", "+1", " 1", "1e0", "\u0661"}) {
            String encoded = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            namesField(refused(() -> get(MODULE + "/connections/" + encoded, VIEWER), 400), "connectId");
        }
    }

    @Test
    void numbersAreNotBooleansAndStringsAreNotNumbers() {
        namesField(refused(() -> post(MODULE + "/connections/1/send", OPERATOR, "{\"data\":\"x\",\"waitForAck\":1}"),
                400), "waitForAck");
        namesField(refused(() -> post(MODULE + "/connections/1/send", OPERATOR,
                "{\"data\":\"x\",\"waitForAck\":\"true\"}"), 400), "waitForAck");
        namesField(refused(() -> post(MODULE + "/connections", OPERATOR,
                "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":\"7\"}"), 400), "port");
    }

    @Test
    void queryParametersOutOfRangeAreRefusedByName() {
        // the usage controller was a validating proxy: its limit=-1 escaped as a 500 (found by the fuzz)
        for (String limit : new String[] {"-1", "0", "501"}) {
            namesField(refused(() -> get(MODULE + "/usage/connections?limit=" + limit, VIEWER), 400), "limit");
        }
    }

    @Test
    void portZeroIsNotAPeer() {
        namesField(refused(() -> post(MODULE + "/connections", OPERATOR,
                "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":0}"), 400), "port");
    }

    @Test
    void controlCharactersInParametersAreRefusedNotTrimmedIntoDefaults() {
        namesField(refused(() -> get(MODULE + "/connections/1/data?max=%00", OPERATOR), 400), "max");
        namesField(refused(() -> post(MODULE + "/connections?async=%01", OPERATOR,
                "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":7}"), 400), "async");
        namesField(refused(() -> get(MODULE + "/connections/1?reconcile=1", VIEWER), 400), "reconcile");
    }

    @Test
    void aSendWithoutContentTypeIsRefused() {
        JsonNode problem = refused(() -> send("POST", MODULE + "/connections/1/send", OPERATOR, null,
                "AT+CFUN=0\r\n".getBytes(StandardCharsets.US_ASCII), null), 415);
        namesField(problem, "Content-Type");
        refused(() -> send("POST", MODULE + "/connections/1/send", OPERATOR, null, new byte[0], null), 415);
    }

    @Test
    void multipartAndWildcardBodiesAreUnsupportedMediaTypes() {
        byte[] json = "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":7}".getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"*/*", "application/*", "multipart/form-data; boundary=x", "text/plain",
                "not a type"}) {
            refused(() -> send("POST", MODULE + "/connections", OPERATOR, type, json, null), 415);
            refused(() -> send("POST", MODULE + "/at", ADMIN, type, "{\"command\":\"AT\"}".getBytes(), null), 415);
        }
    }

    @Test
    void anUnacceptableAnswerIsRefusedBeforeTheModuleIsAsked() {
        byte[] open = ("{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":" + ApiTestEnvironment.TCP_ECHO.port()
                + "}").getBytes(StandardCharsets.UTF_8);
        refused(() -> send("POST", MODULE + "/connections", OPERATOR, "application/json", open, "text/html"), 406);
        refused(() -> send("POST", MODULE + "/at", ADMIN, "application/json", "{\"command\":\"AT\"}".getBytes(),
                "application/xml"), 406);
        refused(() -> send("GET", MODULE + "/config/keepalive", VIEWER, null, null, "image/png"), 406);
    }

    @Test
    void historyQueriesWithExtremeDatesOrStepsAreBadRequests() {
        String sack = MODULE + "/connections/1/sack/history";
        refused(() -> get(sack + "?from=-1000000000-01-01T00:00:00Z&to=%2B1000000000-12-31T23:59:59Z&step=P1D",
                VIEWER), 400);
        refused(() -> get(sack + "?from=1970-01-01T00:00:00Z&to=2999-01-01T00:00:00Z&step=PT1S", VIEWER), 400);
        refused(() -> get(sack + "?step=PT9223372036854775807S", VIEWER), 400);
        refused(() -> get(MODULE + "/jobs?from=%2B1000000000-01-01T00:00:00Z", VIEWER), 400);
    }

    /** The request answered with the problem status, and not one byte written to a module meanwhile. */
    private JsonNode refused(java.util.function.Supplier<Reply> request, int status) {
        long[] before = written();
        Reply reply = request.get();
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        MODULES.forEach(ApiTestBase::quietWrittenCount);
        assertThat(written()).as("bytes written to %s", MODULES).satisfies(after ->
                assertThat(Arrays.equals(after, before)).as("%s -> %s", Arrays.toString(before),
                        Arrays.toString(after)).isTrue());
        return reply.json();
    }

    private static void namesField(JsonNode problem, String field) {
        assertThat(problem.path("errors").findValuesAsString("field")).as(problem.toString()).contains(field);
    }
}
