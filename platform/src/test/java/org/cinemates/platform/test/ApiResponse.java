package org.cinemates.platform.test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the server answered, with the body parsed as JSON on demand. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body.isEmpty() ? "null" : body);
    }

    /** The {@code id} of each entry of a {@code {items: [...]}} list, in order. */
    public List<Long> itemIds() {
        return json().path("items")
                .valueStream()
                .map(item -> item.path("id").asLong())
                .toList();
    }

    /** The {@code total} of a paged list. */
    public long total() {
        return json().path("total").asLong();
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public List<String> setCookies() {
        return headers.allValues("set-cookie");
    }

    /** The Set-Cookie line for {@code name}, if the response set or cleared it. */
    public Optional<String> setCookie(String name) {
        return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    public String contentType() {
        return header("content-type").orElse("");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
