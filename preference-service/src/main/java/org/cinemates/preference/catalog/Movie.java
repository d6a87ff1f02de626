package org.cinemates.preference.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

/**
 * A movie exactly as movie-service describes it ({@code {id, title, year, genres, imdbId,
 * tmdbId, ...}}), passed on to clients unchanged, so fields movie-service adds reach them too.
 * Its JSON text is written once, when the movie arrives: a remembered movie appears in many
 * answers (twenty in every list of recommendations), and copying text is much cheaper than
 * writing the tree again each time.
 */
public final class Movie {

    private final long id;
    private final JsonNode json;
    private final RawValue text;

    /**
     * @param id the movie's id
     * @param json movie-service's JSON for it
     */
    public Movie(long id, JsonNode json) {
        this.id = id;
        this.json = json;
        this.text = new RawValue(json.toString());
    }

    /** Stands in for a movie that could not be looked up: clients still know which one it is. */
    public static Movie idOnly(long id) {
        return new Movie(id, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    public long id() {
        return id;
    }

    public JsonNode json() {
        return json;
    }

    /** What clients get: movie-service's JSON, as it came. */
    @JsonValue
    RawValue text() {
        return text;
    }

    public boolean isIdOnly() {
        return json.size() == 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Movie movie && movie.id == id && movie.json.equals(json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, json);
    }

    @Override
    public String toString() {
        return "Movie[id=" + id + ", json=" + json + "]";
    }
}
