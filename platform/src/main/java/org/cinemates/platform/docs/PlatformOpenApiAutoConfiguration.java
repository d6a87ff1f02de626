package org.cinemates.platform.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.security.Viewer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

/**
 * The shared parts of every service's OpenAPI description ({@code /v3/api-docs}, published
 * through nginx at {@code /api/docs}): title, both ways to authenticate, and the problem+json
 * answers (RFC 9457) operations give besides their success.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
public class PlatformOpenApiAutoConfiguration {

    static final String BEARER = "bearerAuth";
    static final String COOKIE = "cookieAuth";
    static final String PROBLEM = "Problem";

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Bad input: the detail says what, errors[] names each field",
            "401", "Not logged in, or the access token is expired, revoked or forged",
            "403", "Not allowed, or the CSRF header is missing for a cookie-authenticated change",
            "404", "No such resource",
            "429", "Too many requests: try again after Retry-After seconds",
            "503", "A service this answer needs is unavailable");

    @Bean
    OpenAPI cinematesOpenApi(
            @Value("${spring.application.name:cinemates}") String service,
            @Value("${cinemates.api.version:1}") String version) {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:cinemates:problem:validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("detail", new StringSchema())
                .addProperty("traceId", new StringSchema());
        return new OpenAPI()
                .info(new Info()
                        .title("Cinemates " + service + " API")
                        .version(version)
                        .description("Part of the Cinemates public HTTP contract; every error is"
                                + " application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The access token from POST /api/auth/login"))
                        .addSecuritySchemes(
                                COOKIE,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("access_token")
                                        .description("Browsers: changes also need the X-XSRF-TOKEN header"))
                        .addSchemas(PROBLEM, problem));
    }

    /**
     * Operations that act for a member (their handler takes {@link CurrentUser}) need a token;
     * the others (those taking a {@link Viewer}, or nobody) accept one. Each gets a summary (its handler's name, when it has none) and the
     * problem answers it can give.
     */
    @Bean
    OperationCustomizer cinematesOperations() {
        return (Operation operation, HandlerMethod handler) -> {
            boolean member = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == CurrentUser.class);
            // The member comes from the token, not from the request: no parameter to document.
            Set<String> fromToken = Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.getParameterType() == CurrentUser.class || p.getParameterType() == Viewer.class)
                    .map(MethodParameter::getParameterName)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            if (operation.getParameters() != null) {
                operation.getParameters().removeIf(p -> fromToken.contains(p.getName()) && !"path".equals(p.getIn()));
                if (operation.getParameters().isEmpty()) {
                    operation.setParameters(null);
                }
            }
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            operation.addSecurityItem(new SecurityRequirement().addList(COOKIE));
            if (!member) {
                operation.addSecurityItem(new SecurityRequirement());
            }
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(humanize(handler.getMethod().getName()));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            PROBLEMS.forEach((status, description) -> {
                if (!responses.containsKey(status) && (member || !"401".equals(status))) {
                    responses.addApiResponse(status, problem(description));
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** {@code friendRequests} → "Friend requests". */
    static String humanize(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
