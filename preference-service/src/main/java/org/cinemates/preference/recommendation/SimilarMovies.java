package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.recommender.model.ContentModel;
import org.cinemates.recommender.model.ScoredItem;
import org.cinemates.recommender.model.TopN;
import org.springframework.stereotype.Service;

/**
 * Movies like a given one, from the serving model's item-item weights (what people who rated it went on
 * to rate and like), never the movie itself. For a movie the model does not rank (new in the catalogue,
 * or rated too little), the cosine of its genres and tags with the model's movies, popular ones first
 * among equals. Without a model, none.
 */
@Service
class SimilarMovies {

    private final ModelHolder holder;
    private final MovieCatalog catalog;

    SimilarMovies(ModelHolder holder, MovieCatalog catalog) {
        this.holder = holder;
        this.catalog = catalog;
    }

    /** @param score the model's weight from the movie to this one, or the cosine of their genres and tags */
    record SimilarMovie(Movie movie, BigDecimal score) {}

    record Result(List<SimilarMovie> items, List<String> degraded) {}

    /** @throws org.cinemates.preference.catalog.MovieNotFound for a movie movie-service does not know */
    Result of(long movieId, int limit) {
        Movie movie = catalog.require(movieId);
        Optional<ServedModel> current = holder.current();
        if (current.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        ServedModel served = current.get();
        OptionalInt item = served.model().itemIndex(movieId);
        List<ScoredItem> similar = item.isPresent() ? served.model().similar(item.getAsInt(), limit) : List.of();
        if (similar.isEmpty()) {
            similar = byContent(served, movie, limit);
        }
        if (similar.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        List<Long> ids =
                similar.stream().map(s -> served.model().itemId(s.item())).toList();
        MovieLookup lookup = catalog.lookup(ids);
        Degradation degraded = new Degradation();
        if (lookup.degraded()) {
            degraded.add(Dependency.MOVIE_SERVICE);
        }
        List<SimilarMovie> items = new ArrayList<>();
        for (int k = 0; k < similar.size(); k++) {
            long id = ids.get(k);
            if (id == movieId || lookup.isUnknown(id)) {
                continue;
            }
            items.add(new SimilarMovie(
                    lookup.orIdOnly(id),
                    BigDecimal.valueOf(similar.get(k).score()).setScale(3, RoundingMode.HALF_UP)));
        }
        return new Result(items, degraded.names());
    }

    /** Below any cosine difference that matters: popularity only orders movies of equal content. */
    static final float POPULARITY_TIE_BREAK = 0.001f;

    private static List<ScoredItem> byContent(ServedModel served, Movie movie, int limit) {
        ContentModel content = served.content();
        float[] vector = CatalogContent.vector(content, movie);
        int items = Math.min(content.itemCount(), served.model().itemCount());
        float[] scores = new float[items];
        for (int i = 0; i < items; i++) {
            float cosine = content.score(vector, i);
            float bayesian = served.bayesian()[i];
            scores[i] =
                    cosine <= 0 ? Float.NaN : cosine + (Float.isNaN(bayesian) ? 0 : POPULARITY_TIE_BREAK * bayesian);
        }
        List<ScoredItem> similar = new ArrayList<>();
        for (int i : TopN.select(scores, limit, i -> false)) {
            similar.add(new ScoredItem(i, content.score(vector, i)));
        }
        return similar;
    }
}
