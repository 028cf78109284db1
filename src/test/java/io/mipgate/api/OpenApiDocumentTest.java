package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as the tools that consume it read it: swagger-parser finds no error and resolves every
 * reference, each operation has a tag, and every body is typed (no {@code *}{@code /*}).
 */
class OpenApiDocumentTest extends ApiTestBase {

    @Test
    void theDocumentValidatesAndResolvesEveryReference() {
        String document = get("/v3/api-docs", VIEWER).text();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
        List<String> danglingReferences = new ArrayList<>();
        collectReferences(document, danglingReferences, api);
        assertThat(danglingReferences).as("references to undefined schemas").isEmpty();
    }

    @Test
    void everyOperationIsTaggedAndTypesItsBodies() {
        OpenAPI api = OpenApiOperations.document(this);
        List<String> untagged = new ArrayList<>();
        List<String> wildcard = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            // springdoc names an untagged controller's operations "<class>-controller": no tag a reader can use
            if (operation.getTags() == null || operation.getTags().isEmpty()
                    || operation.getTags().stream().anyMatch(tag -> tag.endsWith("-controller"))) {
                untagged.add(name);
            }
            if (operation.getRequestBody() != null && hasWildcard(operation.getRequestBody().getContent())) {
                wildcard.add(name + " request");
            }
            operation.getResponses().forEach((code, response) -> {
                if (hasWildcard(response.getContent())) {
                    wildcard.add(name + " " + code);
                }
            });
        }));
        assertThat(untagged).as("operations without a tag").isEmpty();
        assertThat(wildcard).as("bodies typed */*").isEmpty();
    }

    @Test
    void everyOperationDocumentsItsProblems() {
        OpenAPI api = OpenApiOperations.document(this, false);
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            for (String code : List.of("400", "401", "403", "404")) {
                if (!problemTyped(operation, code)) {
                    missing.add(method + " " + path + " " + code);
                }
            }
        }));
        assertThat(missing).as("error answers without an application/problem+json Problem").isEmpty();
    }

    private static boolean problemTyped(Operation operation, String code) {
        var response = operation.getResponses().get(code);
        if (response == null || response.getContent() == null) {
            return false;
        }
        var media = response.getContent().get("application/problem+json");
        return media != null && media.getSchema() != null && "#/components/schemas/Problem".equals(media.getSchema().get$ref());
    }

    private static boolean hasWildcard(Content content) {
        return content != null && content.keySet().stream().anyMatch(type -> type.contains("*"));
    }

    /** Every {@code "$ref":"#/components/schemas/X"} in the text must name a defined schema. */
    private static void collectReferences(String document, List<String> dangling, OpenAPI api) {
        var matcher = java.util.regex.Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"")
                .matcher(document);
        while (matcher.find()) {
            if (!api.getComponents().getSchemas().containsKey(matcher.group(1))) {
                dangling.add(matcher.group(1));
            }
        }
    }
}
