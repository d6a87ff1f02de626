package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The four OpenAPI descriptions, checked against the running services: every read answers when
 * given exactly the parameters its description says are required, and refuses with 400 when one
 * of those is left out.
 */
@Order(7)
class OpenApiTruthIT extends EndToEnd {

    static final List<String> SERVICES =
            List.of("user-service", "movie-service", "activity-service", "preference-service");

    @Test
    void everyDocumentedRequiredParameterIsRequiredAndNoOtherIs() {
        Member member = join("docs");
        List<String> untrue = new ArrayList<>();
        int checked = 0;
        for (String service : SERVICES) {
            ApiResponse description =
                    browser().get("/api/docs/" + service + ".json").send();
            assertThat(description.status()).as("%s description", service).isEqualTo(200);
            for (Map.Entry<String, JsonNode> path :
                    description.json().path("paths").properties()) {
                JsonNode read = path.getValue().path("get");
                if (read.isMissingNode()) {
                    continue; // a check must not change what it checks: reads only
                }
                Map<String, String> required = new LinkedHashMap<>();
                String url = path.getKey();
                for (JsonNode parameter : read.path("parameters")) {
                    String name = parameter.path("name").asString();
                    String value = example(parameter.path("schema"), member);
                    if ("path".equals(parameter.path("in").asString())) {
                        url = url.replace("{" + name + "}", value);
                    } else if ("query".equals(parameter.path("in").asString())
                            && parameter.path("required").asBoolean(false)) {
                        required.put(name, value);
                    }
                }
                checked++;
                ApiResponse all =
                        member.browser().get(url + query(required, "")).send();
                if (missesAParameter(all)) {
                    untrue.add(
                            "GET " + path.getKey() + " with its required parameters " + required.keySet() + ": " + all);
                }
                for (String name : required.keySet()) {
                    ApiResponse without =
                            member.browser().get(url + query(required, name)).send();
                    if (without.status() != 400) {
                        untrue.add("GET " + path.getKey() + " without its required '" + name + "' answered " + without);
                    }
                }
            }
        }
        assertThat(checked).as("reads described").isGreaterThan(10);
        assertThat(untrue).as("descriptions that do not match the services").isEmpty();
    }

    @Test
    void noDescriptionAsksForTheMemberAsAParameter() {
        List<String> phantoms = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode paths = browser()
                    .get("/api/docs/" + service + ".json")
                    .send()
                    .json()
                    .path("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        String name = parameter.path("name").asString();
                        if (Set.of("user", "me", "currentUser").contains(name)
                                && !"path".equals(parameter.path("in").asString())) {
                            phantoms.add(
                                    operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + name);
                        }
                    }
                }
            }
        }
        assertThat(phantoms).isEmpty();
    }

    private static boolean missesAParameter(ApiResponse answer) {
        return answer.status() == 400 && answer.body().contains("is not present");
    }

    private static String example(JsonNode schema, Member member) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("type").asString()) {
            case "integer", "number" ->
                schema.has("minimum")
                        ? String.valueOf(Math.max(1, schema.path("minimum").asLong()))
                        : String.valueOf(member.id());
            case "boolean" -> "true";
            default -> "a";
        };
    }

    private static String query(Map<String, String> parameters, String leftOut) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!name.equals(leftOut)) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
