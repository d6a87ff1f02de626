package org.cinemates.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Checks that an answer is an RFC 9457 problem of the expected kind. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    /**
     * @param slug the stable part of the problem {@code type}, e.g. {@code "validation"}
     * @return the problem body, for further checks
     */
    public static JsonNode assertProblem(ApiResponse response, int status, String slug) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).isEqualTo("urn:cinemates:problem:" + slug);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    public static JsonNode assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).startsWith("urn:cinemates:problem:");
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }
}
