package org.cinemates.preference.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.recommender.model.ContentModel;
import org.cinemates.recommender.model.HybridModel;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The content signal's view of the catalogue: the genres and tags movie-service lists for each
 * movie, as a {@link ContentModel} over a model's items, and as vectors for movies outside it.
 */
@Component
class CatalogContent {

    private final MovieCatalog catalog;

    CatalogContent(MovieCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The content of every movie the model learned, asked of movie-service in batches (not kept in
     * the movie cache); empty when movie-service could not tell (the caller tries again later).
     */
    Optional<ContentModel> of(HybridModel model) {
        List<Long> ids = new ArrayList<>(model.itemCount());
        for (int item = 0; item < model.itemCount(); item++) {
            ids.add(model.itemId(item));
        }
        MovieLookup lookup = catalog.lookupWithoutRemembering(ids);
        if (lookup.degraded()) {
            return Optional.empty();
        }
        return Optional.of(ContentModel.build(
                model.itemCount(),
                item -> lookup.find(model.itemId(item))
                        .map(CatalogContent::genres)
                        .orElse(List.of()),
                item -> lookup.find(model.itemId(item))
                        .map(CatalogContent::tags)
                        .orElse(List.of())));
    }

    /** A movie's vector over the content model's genres and tags. */
    static float[] vector(ContentModel content, Movie movie) {
        return content.vector(genres(movie), tags(movie));
    }

    static List<String> genres(Movie movie) {
        return strings(movie.json().path("genres"));
    }

    static List<String> tags(Movie movie) {
        return strings(movie.json().path("tags"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isString()) {
                values.add(value.asString());
            }
        }
        return values;
    }
}
