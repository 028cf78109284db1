package io.mipgate.api.docs;

import io.mipgate.api.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: security schemes, the problem schema with every stable type, and the error answers every
 * operation under {@code /api/v1} can give.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "invalid-request: malformed JSON, unknown field, bad enum, out-of-range or unsafe value");
        ERRORS.put("401", "unauthorized: no or unknown credentials");
        ERRORS.put("403", "forbidden: the role does not allow this");
        ERRORS.put("404", "unknown-module, unknown-connection, unknown-job or not-found");
        ERRORS.put("406", "not-acceptable: the Accept header names no type this operation answers with (checked before"
                + " anything is done)");
        ERRORS.put("409", "state-conflict: connect_id busy, not connected, module in transparent mode, raw AT that"
                + " would change driver-owned state (cmeCode 550-553)");
        ERRORS.put("415", "unsupported-media-type: a body without a concrete Content-Type, or of a type the operation"
                + " does not take");
        ERRORS.put("422", "module-refused (cmeCode 3, 4, 24, 25, 50, 577 or plain ERROR) or unsupported-on-model (model)");
        ERRORS.put("429", "queue-full: the module's job queue is full (Retry-After); too-many-streams: the event stream"
                + " caps per credential and in all; credential-checks-busy: too many credentials awaiting a slow hash"
                + " (bcrypt, scrypt...) check at once (Retry-After)");
        ERRORS.put("502", "network-failure (cmeCode 31, 557-562), dns-failed (580) or module-fault (0, 20, 100, 554-556)");
        ERRORS.put("503", "module-unavailable: module DOWN, RECOVERING, FAILED or STOPPED; module-busy (cmeCode 14,"
                + " 576, 581, 582); network-unavailable (10, 11, 13, 30, 570-575); all with Retry-After");
        ERRORS.put("504", "module-timeout: the module did not answer in time");
    }

    @Bean
    OpenAPI mipgateOpenApi() {
        return new OpenAPI()
                .info(new Info().title("mipgate API").version("v1")
                        .description("REST API of the mipgate gateway for China Mobile OneMO modules. Errors are RFC 9457"
                                + " application/problem+json with a stable type under " + ProblemType.BASE + "."))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        StringSchema type = new StringSchema();
        type.setEnum(Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList());
        type.setExample(ProblemType.MODULE_REFUSED.uri().toString());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", type)
                .addProperty("title", new StringSchema().example("Refused by the module"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example(
                        "AT+MIPOPEN refused by module emu-ml307r: +CME ERROR: 557 (SOCKET_CONNECTION_REFUSED)"))
                .addProperty("instance", new StringSchema().example("/api/v1/modules/emu-ml307r/connections"))
                .addProperty("moduleId", new StringSchema().example("emu-ml307r"))
                .addProperty("cmeCode", new IntegerSchema().example(557))
                .addProperty("cmeName", new StringSchema().example("SOCKET_CONNECTION_REFUSED"))
                .addProperty("model", new StringSchema().example("MN316"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("host"))
                        .addProperty("rejected", new StringSchema().example("a\"b"))
                        .addProperty("message", new StringSchema().example("letters, digits and . - _ : % only"))));
    }

    /**
     * Completes every operation under {@code /api/v1}: the problem answers it can give, and its JSON bodies typed as
     * such. springdoc types a body {@code *}{@code /*} when a mapping declares no {@code produces}, which code
     * generators and validators reject; the API writes JSON there. The problem schema is (re)registered here because
     * springdoc drops component schemas that no operation references before the customizers run.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            if (openApi.getComponents().getSchemas() == null || !openApi.getComponents().getSchemas().containsKey(PROBLEM)) {
                openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/v1")) {
                    return;
                }
                item.readOperations().forEach(operation -> {
                    ApiResponses responses = operation.getResponses();
                    responses.values().forEach(response -> typeWildcardAsJson(response.getContent()));
                    if (operation.getRequestBody() != null) {
                        typeWildcardAsJson(operation.getRequestBody().getContent());
                    }
                    ERRORS.forEach((code, description) -> {
                        if (!responses.containsKey(code)) {
                            responses.addApiResponse(code, new ApiResponse().description(description)
                                    .content(new Content().addMediaType("application/problem+json",
                                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                        }
                    });
                });
            });
        };
    }

    private static void typeWildcardAsJson(Content content) {
        if (content == null) {
            return;
        }
        MediaType any = content.remove(org.springframework.http.MediaType.ALL_VALUE);
        if (any != null) {
            content.putIfAbsent(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
        }
    }
}
