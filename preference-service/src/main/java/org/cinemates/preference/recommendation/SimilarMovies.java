package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.recommender.model.ScoredItem;
import org.springframework.stereotype.Service;

/**
 * Movies like a given one, from the serving model's item vectors (cosine similarity), never the
 * movie itself. A movie the model does not know (or no model yet) has none.
 */
@Service
class SimilarMovies {

    private final ModelHolder holder;
    private final MovieCatalog catalog;

    SimilarMovies(ModelHolder holder, MovieCatalog catalog) {
        this.holder = holder;
        this.catalog = catalog;
    }

    /** @param score cosine similarity, −1 to 1 */
    record SimilarMovie(Movie movie, BigDecimal score) {}

    record Result(List<SimilarMovie> items, List<String> degraded) {}

    /** @throws org.cinemates.preference.catalog.MovieNotFound for a movie movie-service does not know */
    Result of(long movieId, int limit) {
        catalog.require(movieId);
        List<ScoredItem> similar = holder.current()
                .map(served -> {
                    OptionalInt item = served.model().itemIndex(movieId);
                    return item.isPresent() ? served.model().similar(item.getAsInt(), limit) : List.<ScoredItem>of();
                })
                .orElse(List.of());
        if (similar.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        ServedModel served = holder.current().orElseThrow();
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
}
