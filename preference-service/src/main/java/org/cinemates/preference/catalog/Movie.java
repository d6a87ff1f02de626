package org.cinemates.preference.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A movie exactly as movie-service describes it ({@code {id, title, year, genres, imdbId,
 * tmdbId, ...}}), passed on to clients unchanged, so fields movie-service adds reach them too.
 *
 * @param id the movie's id
 * @param json movie-service's JSON for it
 */
public record Movie(long id, @JsonValue JsonNode json) {

    /** Stands in for a movie that could not be looked up: clients still know which one it is. */
    public static Movie idOnly(long id) {
        return new Movie(id, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    public boolean isIdOnly() {
        return json.size() == 1;
    }
}
