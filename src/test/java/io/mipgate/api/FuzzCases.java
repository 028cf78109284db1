package io.mipgate.api;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded requests built from one documented operation: a valid request (from the schemas' enums, examples and
 * minimums), then one thing made wrong in it — a body field, a query or path parameter, the whole body, the content
 * type, the method or the accepted type.
 */
final class FuzzCases {

    /** One request to send, and what was made wrong in it. */
    record Case(String mutation, String method, String path, String contentType, byte[] body, String accept) {

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return mutation + ": " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path)
                    + " [" + contentType + "] " + io.mipgate.domain.Printable.escape(shown, 160)
                    + (body != null && body.length > 160 ? " (" + body.length + " bytes)" : "");
        }
    }

    /** Strings that a module must never see: AT injection, control characters, odd unicode, sizes. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "\r\nAT+MREBOOT\r\n", "\",80\r\nAT+CFUN=0\r\n", "x;AT+CFUN=0", "a\u0000b", "\u0007\u0008", "\u001b[31mred",
            "+++", "AT+MIPCLOSE=0", "a\"b", "a\\b", "\u202eevil", "\uD83D\uDE00", "\u00e9\u65e5\u672c", "\uFFFE",
            "", " ", "\t", "x".repeat(5000), "%00", "../../etc/passwd", "${jndi:ldap://127.0.0.1/a}", "'; DROP TABLE x;--",
            "!!!not-base64!!!", "zz0g", "0x1", "١٢٣");

    static final List<String> BAD_QUERY_VALUES = List.of(
            "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e3", "0x1", "1.5", "", " ", "abc", "true",
            "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z", "2026-13-45T99:99:99Z", "P1000000000D", "PT0S", "PT-1S", "PT0.000000001S",
            "P9999999999D", "PT2562047788015215H", "\r\nAT+MREBOOT\r\n", "a\u0000b", "x".repeat(3000), "١");

    static final List<String> BAD_PATH_VALUES = List.of(
            "0x1", "-1", "1e3", "+1", "01", "1.0", " 1", "9999999999999", "2147483648", "\u0663", "\r\nAT+MREBOOT\r\n",
            "%00", "%2e%2e", "a%2Fb", "a;b=c", "x".repeat(3000), "\uD83D\uDE00", "..", "emu-ml307r\u0000");

    static final List<String> CONTENT_TYPES = List.of(
            "multipart/form-data; boundary=fuzz", "*/*", "application/*", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=ebcdic", "garbage", "application/",
            "application/octet-stream", "application/problem+json", "text/event-stream");

    static final List<String> ACCEPTS = List.of("text/html", "application/xml", "image/png", "text/plain;q=1",
            "garbage/", "application/json;q=0");

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD",
            "PROPFIND");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    FuzzCases(Random random) {
        this.random = random;
    }

    Case next(OpenApiOperations.Op op) {
        Map<String, String> path = validPath(op);
        Map<String, String> query = validQuery(op);
        String contentType = op.consumes().contains("application/json") ? "application/json"
                : op.consumes().isEmpty() ? null : op.consumes().get(0);
        byte[] body = contentType == null ? null : "application/json".equals(contentType)
                ? bytes(validBody(op)) : "hello".getBytes(StandardCharsets.US_ASCII);
        String method = op.method();
        String accept = null;
        String mutation;
        int kind = random.nextInt(9);
        if (kind == 0 && "application/json".equals(contentType)) {
            ObjectNode fields = validBody(op);
            mutation = mutateField(op, fields);
            body = bytes(fields);
        } else if (kind == 1 && !op.parameters("query").isEmpty()) {
            Parameter parameter = pick(op.parameters("query"));
            String value = pick(BAD_QUERY_VALUES);
            query.put(parameter.getName(), value);
            mutation = "query " + parameter.getName() + "=" + io.mipgate.domain.Printable.escape(value, 40);
            if (random.nextBoolean() && query.containsKey("from") || op.parameters("query").stream()
                    .anyMatch(p -> p.getName().equals("step")) && random.nextInt(3) == 0) {
                query.put("from", "-1000000000-01-01T00:00:00Z");
                query.put("to", "+1000000000-12-31T23:59:59Z");
                query.put("step", pick(List.of("PT1S", "PT0.001S", "P1D", "PT" + Long.MAX_VALUE + "S")));
                mutation = "extreme range, step " + query.get("step");
            }
        } else if (kind == 2 && !op.parameters("path").isEmpty()) {
            Parameter parameter = pick(op.parameters("path"));
            String value = pick(BAD_PATH_VALUES);
            path.put(parameter.getName(), value);
            mutation = "path " + parameter.getName() + "=" + io.mipgate.domain.Printable.escape(value, 40);
        } else if (kind == 3) {
            contentType = pick(CONTENT_TYPES);
            if (contentType.startsWith("multipart/")) {
                body = ("--fuzz\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\nhello\r\n--fuzz--\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
            } else if (body == null) {
                body = bytes(validBody(op));
            }
            if (random.nextInt(4) == 0) {
                contentType = null;
            }
            mutation = "content type " + contentType;
        } else if (kind == 4) {
            method = pick(METHODS);
            mutation = "method " + method;
        } else if (kind == 5) {
            accept = pick(ACCEPTS);
            mutation = "accept " + accept;
        } else if (kind == 6 && body != null) {
            int shape = random.nextInt(7);
            body = switch (shape) {
                case 0 -> ("{\"data\":\"" + "A".repeat(1_500_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
                case 1 -> ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
                case 2 -> "{\"a\":".repeat(5_000).concat("1").concat("}".repeat(5_000)).getBytes(StandardCharsets.US_ASCII);
                case 3 -> new byte[0];
                case 4 -> "null".getBytes(StandardCharsets.US_ASCII);
                case 5 -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
                default -> "{\"host\":\"a\r\nAT+MREBOOT\r\n\"}".getBytes(StandardCharsets.UTF_8);
            };
            mutation = "whole body #" + shape;
        } else if (kind == 7) {
            ObjectNode fields = validBody(op);
            fields.put("unexpected", "x");
            body = contentType == null ? null : bytes(fields);
            query.put("unexpected", "1");
            mutation = "extra field and parameter";
        } else {
            mutation = "valid";
        }
        return new Case(mutation, method, uri(op.path(), path, query), contentType, body, accept);
    }

    /** AT-injection strings that a module must never see as command text. */
    static final List<String> AT_INJECTIONS = List.of("\r\nAT+MREBOOT\r\n", "\",80\r\nAT+CFUN=0\r\n",
            "x\rAT+MIPCLOSE=0", "\u001a\r\nAT+CFUN=1,1\r\n");

    /**
     * Every string of the operation, one at a time, set to each AT-injection string: body fields (except
     * {@code data}, which is payload sent with a counted length, not command text), query and path parameters.
     */
    List<Case> injections(OpenApiOperations.Op op) {
        List<Case> cases = new ArrayList<>();
        Schema<?> schema = bodySchema(op);
        for (String attack : AT_INJECTIONS) {
            if (schema != null && schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    if (!name.equals("data") && isString(property)) {
                        ObjectNode fields = validBody(op);
                        fields.put(name, attack);
                        cases.add(new Case("inject field " + name, op.method(),
                                uri(op.path(), validPath(op), validQuery(op)), "application/json", bytes(fields), null));
                    }
                });
            }
            for (Parameter parameter : op.parameters("query")) {
                if (isString(parameter.getSchema())) {
                    Map<String, String> query = validQuery(op);
                    query.put(parameter.getName(), attack);
                    cases.add(new Case("inject query " + parameter.getName(), op.method(),
                            uri(op.path(), validPath(op), query), schema == null ? null : "application/json",
                            schema == null ? null : bytes(validBody(op)), null));
                }
            }
            for (Parameter parameter : op.parameters("path")) {
                Map<String, String> path = validPath(op);
                path.put(parameter.getName(), attack);
                cases.add(new Case("inject path " + parameter.getName(), op.method(), uri(op.path(), path, validQuery(op)),
                        schema == null ? null : "application/json", schema == null ? null : bytes(validBody(op)), null));
            }
        }
        return cases;
    }

    private static boolean isString(Schema<?> schema) {
        return schema != null && ("string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string")
                || schema.getType() == null && schema.getTypes() == null && schema.getEnum() != null);
    }

    private String mutateField(OpenApiOperations.Op op, ObjectNode fields) {
        Schema<?> schema = bodySchema(op);
        List<String> names = schema == null || schema.getProperties() == null ? List.of("data")
                : new ArrayList<>(schema.getProperties().keySet());
        String name = pick(names);
        int how = random.nextInt(5);
        if (how == 0 && fields.has(name)) {
            fields.remove(name);
            return "without " + name;
        }
        JsonNode value = switch (how) {
            case 1 -> pick(List.<JsonNode>of(NODES.numberNode(1), NODES.numberNode(-1), NODES.numberNode(1.5),
                    NODES.booleanNode(true), NODES.stringNode("1"), NODES.stringNode("true"), NODES.arrayNode(),
                    NODES.objectNode(), NODES.nullNode(), NODES.numberNode(0)));
            case 2 -> boundary(schema == null ? null : (Schema<?>) schema.getProperties().get(name));
            default -> NODES.stringNode(pick(HOSTILE_STRINGS));
        };
        fields.set(name, value);
        if ("data".equals(name) && random.nextBoolean()) {
            fields.put("encoding", pick(List.of("base64", "hex")));
        }
        return "field " + name + "=" + io.mipgate.domain.Printable.escape(value.toString(), 40);
    }

    private JsonNode boundary(Schema<?> property) {
        BigDecimal min = property == null ? null : property.getMinimum();
        BigDecimal max = property == null ? null : property.getMaximum();
        List<JsonNode> values = new ArrayList<>(List.of(NODES.numberNode(new BigDecimal("1e400")),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("-99999999999999999999")),
                NODES.numberNode(-0.0), NODES.numberNode(2147483648L)));
        if (min != null) {
            values.add(NODES.numberNode(min.subtract(BigDecimal.ONE)));
            values.add(NODES.numberNode(min));
        }
        if (max != null) {
            values.add(NODES.numberNode(max.add(BigDecimal.ONE)));
        }
        return pick(values);
    }

    private Map<String, String> validPath(OpenApiOperations.Op op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : op.parameters("path")) {
            values.put(parameter.getName(), switch (parameter.getName()) {
                case "moduleId" -> pick(HardeningApiTestBase.MODULES);
                case "connectId" -> Integer.toString(random.nextInt(5));
                case "jobId" -> UUID.randomUUID().toString();
                default -> example(parameter.getSchema());
            });
        }
        return values;
    }

    private Map<String, String> validQuery(OpenApiOperations.Op op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : op.parameters("query")) {
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                values.put(parameter.getName(), example(parameter.getSchema()));
            }
        }
        return values;
    }

    private ObjectNode validBody(OpenApiOperations.Op op) {
        ObjectNode body = NODES.objectNode();
        Schema<?> schema = bodySchema(op);
        if (schema == null || schema.getProperties() == null) {
            return body;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                body.set(name, validValue(name, property));
            }
        });
        return body;
    }

    private static JsonNode validValue(String name, Schema<?> property) {
        if (name.equals("host") || name.equals("primary") || name.equals("server")) {
            return NODES.stringNode("127.0.0.1");
        }
        if (name.equals("port")) {
            return NODES.numberNode(ApiTestEnvironment.TCP_ECHO.port());
        }
        if (name.equals("command")) {
            return NODES.stringNode("AT");
        }
        if (property.getEnum() != null && !property.getEnum().isEmpty()) {
            return NODES.stringNode(String.valueOf(property.getEnum().get(0)));
        }
        if (property.getExample() != null) {
            return JSON.valueToTree(property.getExample());
        }
        String type = property.getType() != null ? property.getType()
                : property.getTypes() == null || property.getTypes().isEmpty() ? "string" : property.getTypes().iterator().next();
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(property.getMinimum() == null ? 1 : property.getMinimum().intValue());
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.stringNode("x");
        };
    }

    private static String example(Schema<?> schema) {
        if (schema == null) {
            return "x";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(0));
        }
        if (schema.getExample() != null) {
            return String.valueOf(schema.getExample());
        }
        return schema.getMinimum() != null ? schema.getMinimum().toPlainString() : "1";
    }

    @SuppressWarnings("unchecked")
    private static Schema<?> bodySchema(OpenApiOperations.Op op) {
        var requestBody = op.operation().getRequestBody();
        if (requestBody == null || requestBody.getContent() == null
                || requestBody.getContent().get("application/json") == null) {
            return null;
        }
        return requestBody.getContent().get("application/json").getSchema();
    }

    private static String uri(String template, Map<String, String> path, Map<String, String> query) {
        String uri = template;
        for (Map.Entry<String, String> entry : path.entrySet()) {
            uri = uri.replace("{" + entry.getKey() + "}", encodePath(entry.getValue()));
        }
        StringBuilder out = new StringBuilder(uri);
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            out.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }

    /** Percent-encodes a path segment; a value that is already an escape sequence is sent as it is. */
    private static String encodePath(String value) {
        if (value.startsWith("%") || value.contains(";")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
