package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The operations of the live OpenAPI document, so that suites built on it cover an endpoint the day it is added. */
final class OpenApiOperations {

    private OpenApiOperations() {
    }

    /** One documented operation. */
    record Op(String method, String path, Operation operation) {

        List<Parameter> parameters(String in) {
            List<Parameter> all = operation.getParameters() == null ? List.of() : operation.getParameters();
            return all.stream().filter(p -> in.equals(p.getIn())).toList();
        }

        /** The request body's media types (empty when it takes none). */
        List<String> consumes() {
            return operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? List.of()
                    : List.copyOf(operation.getRequestBody().getContent().keySet());
        }

        boolean isEventStream() {
            return operation.getResponses().values().stream().anyMatch(r -> r.getContent() != null
                    && r.getContent().containsKey("text/event-stream"));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The document with every reference inlined. */
    static OpenAPI document(ApiTestBase test) {
        return document(test, true);
    }

    static OpenAPI document(ApiTestBase test, boolean inlineReferences) {
        ApiTestBase.Reply reply = test.get("/v3/api-docs", ApiTestBase.VIEWER);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(inlineReferences);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(reply.text(), null, options);
        assertThat(result.getOpenAPI()).as("parsed document, messages %s", result.getMessages()).isNotNull();
        return result.getOpenAPI();
    }

    static List<Op> all(ApiTestBase test) {
        OpenAPI api = document(test);
        List<Op> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                ops.add(new Op(method.name().toUpperCase(Locale.ROOT), path, operation))));
        ops.sort(java.util.Comparator.comparing(Op::toString));
        return ops;
    }

    static boolean isSafe(PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
    }
}
