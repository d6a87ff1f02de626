package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.Reason;
import org.springframework.stereotype.Component;

/** The words of a recommendation's reasons, and the titles they name. */
@Component
class ReasonTexts {

    private final MovieDetails movies;

    ReasonTexts(MovieDetails movies) {
        this.movies = movies;
    }

    static String becauseYouLiked(String title, float score) {
        return "Because you liked " + title + " (" + stars(score) + "★)";
    }

    static String friendsRated(int count) {
        return count == 1 ? "A friend rated it 4 or more" : count + " friends rated it 4 or more";
    }

    static String likedGenre(String genre) {
        return "Because you like " + genre;
    }

    static String popularIn(String genre) {
        return "Popular in " + genre;
    }

    static String popular(ServedModel served, int item) {
        int count = served.counts()[item];
        if (count == 0) {
            return "Suggested for you";
        }
        // The counts of the served model are the members' ratings and the community data's together.
        return "Well rated by members and the community (" + stars(served.averages()[item]) + "★ from " + count
                + (count == 1 ? " rating)" : " ratings)");
    }

    private static String stars(float score) {
        return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Titles of the movies named in reasons: remembered ones first, the rest in one lookup. */
    Map<Long, String> titles(Collection<Reason> reasons, HybridModel model, Degradation degraded) {
        Set<Long> ids = new HashSet<>();
        for (Reason reason : reasons) {
            ids.add(model.itemId(reason.item()));
        }
        Map<Long, String> titles = new HashMap<>();
        movies.of(ids, degraded)
                .forEach(
                        (id, movie) -> titles.put(id, movie.json().path("title").asString("movie " + id)));
        return titles;
    }
}
