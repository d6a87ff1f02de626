package org.cinemates.preference.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.recommender.model.ContentModel;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.TopN;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Picks for a member the model cannot fold in (no ratings of movies it learned): the movies with the
 * best Bayesian average, lifted by friends, at most a few per leading genre among the first ten; when the
 * member rated movies the model has not learned yet, their genres and tags choose among the popular ones.
 */
@Component
class ColdStart {

    /**
     * How much a perfect match of a cold-start member's taste adds to a popular movie's Bayesian
     * average (in stars) when the popular ones are chosen by content.
     */
    static final float CONTENT_WEIGHT = 0.5f;

    /** Nothing the member rated is among the model's movies, so none is left out. */
    private static final IntPredicate NOTHING_RATED = item -> false;

    /**
     * @param best the picks, best first
     * @param leadingGenres each pick's leading genre, where known
     * @param taste the member's taste from movies the model has not learned, or null when none
     */
    record Picks(int[] best, Map<Integer, String> leadingGenres, float @Nullable [] taste) {}

    private final Diversity diversity;
    private final MovieDetails movies;

    ColdStart(Diversity diversity, MovieDetails movies) {
        this.diversity = diversity;
        this.movies = movies;
    }

    Picks picks(
            ServedModel served,
            Map<Long, Integer> friends,
            Map<Long, Float> unlearned,
            int limit,
            Degradation degraded) {
        HybridModel model = served.model();
        float[] scores = served.bayesian().clone();
        for (Map.Entry<Long, Integer> liked : friends.entrySet()) {
            int item = model.itemIndex(liked.getKey()).orElse(-1);
            if (item >= 0 && !Float.isNaN(scores[item])) {
                scores[item] += FriendsLiked.boost(liked.getValue());
            }
        }
        int poolSize = Math.min(model.itemCount(), 3 * limit + 30);
        float[] taste = unlearned.isEmpty() ? null : taste(unlearned, served.content(), degraded);
        if (taste != null) {
            served.content().rerank(taste, CONTENT_WEIGHT, scores, poolSize, NOTHING_RATED);
        }
        int[] pool = TopN.select(scores, poolSize, NOTHING_RATED);
        Map<Integer, String> leadingGenres = diversity.leadingGenres(pool, model, degraded);
        return new Picks(Diversity.diverse(pool, leadingGenres, limit), leadingGenres, taste);
    }

    /**
     * A member's taste from the genres and tags of rated movies the model has not learned (as the
     * movie cache or movie-service describe them), or null when it says nothing.
     */
    private float @Nullable [] taste(Map<Long, Float> rated, ContentModel content, Degradation degraded) {
        if (content.isEmpty()) {
            return null;
        }
        Map<Long, Movie> found = movies.of(rated.keySet(), degraded);
        List<float[]> vectors = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        found.forEach((id, movie) -> {
            vectors.add(CatalogContent.vector(content, movie));
            scores.add(rated.get(id));
        });
        float[] taste = content.taste(vectors, scores);
        for (float x : taste) {
            if (x != 0) {
                return taste;
            }
        }
        return null;
    }
}
