package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.recommender.model.ContentModel;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.Reason;
import org.cinemates.recommender.model.TopN;
import org.cinemates.recommender.model.UserProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recommendations from the learned model: the member's ratings as they are now are folded in (so a
 * rating made a second ago counts), every movie is scored in one pass, movies friends rated 4 or more
 * are lifted, and the best are picked, never one the member rated. A member without ratings the
 * model can fold in gets the movies with the best Bayesian average, chosen by the genres and tags of
 * what they rated when that is movies the model has not learned yet. Until a model is trained, the
 * members' favourites serve.
 */
@Component
class LearnedRecommendations implements RecommendationSource {

    /** How much each friend who liked a movie (up to three) adds to its ranking score. */
    static final float FRIEND_WEIGHT = 0.15f;

    static final int MAX_FRIENDS_COUNTED = 3;

    /**
     * How much a perfect match of a cold-start member's taste adds to a popular movie's Bayesian
     * average (in stars) when the popular ones are chosen by content.
     */
    static final float CONTENT_WEIGHT = 0.5f;

    private final ModelHolder holder;
    private final CommunityFavourites favourites;
    private final JdbcClient jdbc;
    private final FriendLists friends;
    private final MovieCatalog catalog;

    LearnedRecommendations(
            ModelHolder holder,
            JdbcClient jdbc,
            FriendLists friends,
            MovieCatalog catalog,
            PreferenceSettings settings) {
        this.holder = holder;
        this.favourites = new CommunityFavourites(jdbc, settings);
        this.jdbc = jdbc;
        this.friends = friends;
        this.catalog = catalog;
    }

    @Override
    public List<Candidate> candidates(long memberId, int limit, Degradation degraded) {
        Optional<ServedModel> current = holder.current();
        if (current.isEmpty()) {
            return favourites.candidates(memberId, limit, degraded);
        }
        return candidates(memberId, limit, current.get(), degraded);
    }

    private List<Candidate> candidates(long memberId, int limit, ServedModel served, Degradation degraded) {
        HybridModel model = served.model();
        int items = model.itemCount();
        Map<Integer, Float> mine = new HashMap<>();
        Map<Long, Float> unlearned = new HashMap<>();
        boolean[] excluded = new boolean[items];
        jdbc.sql("select movie_id, score from ratings where user_id = :member")
                .param("member", memberId)
                .query(rs -> {
                    int item = model.itemIndex(rs.getLong(1)).orElse(-1);
                    if (item >= 0) {
                        mine.put(item, rs.getFloat(2));
                        excluded[item] = true;
                    } else {
                        unlearned.put(rs.getLong(1), rs.getFloat(2));
                    }
                });
        Map<Long, Integer> friends = friendsLiked(memberId, degraded);

        float[] scores = new float[items];
        UserProfile profile = null;
        if (mine.isEmpty()) {
            System.arraycopy(served.bayesian(), 0, scores, 0, items);
        } else {
            profile = model.foldIn(mine);
            model.scoreItems(profile, scores);
        }
        for (Map.Entry<Long, Integer> liked : friends.entrySet()) {
            int item = model.itemIndex(liked.getKey()).orElse(-1);
            if (item >= 0 && !Float.isNaN(scores[item])) {
                scores[item] += FRIEND_WEIGHT * Math.min(MAX_FRIENDS_COUNTED, liked.getValue());
            }
        }
        Map<Integer, String> leadingGenres = new HashMap<>();
        float[] taste = null;
        int[] best;
        if (profile == null) {
            // Cold start: the most popular, at most a few per leading genre among the first ten; when
            // the member rated movies the model has not learned yet, their genres and tags choose
            // among the popular ones.
            int poolSize = Math.min(items, 3 * limit + 30);
            taste = unlearned.isEmpty() ? null : taste(unlearned, served.content(), degraded);
            if (taste != null) {
                served.content().rerank(taste, CONTENT_WEIGHT, scores, poolSize, item -> excluded[item]);
            }
            int[] pool = TopN.select(scores, poolSize, item -> excluded[item]);
            leadingGenres = leadingGenres(pool, model, degraded);
            best = diverse(pool, leadingGenres, limit);
        } else {
            best = TopN.select(scores, limit, item -> excluded[item]);
        }

        Map<Integer, Reason> because = new HashMap<>();
        if (profile != null) {
            for (int item : best) {
                List<Reason> reasons = model.because(profile, item, 1);
                if (!reasons.isEmpty()) {
                    because.put(item, reasons.get(0));
                }
            }
        }
        Map<Long, String> titles = titles(because.values(), model, degraded);

        List<Candidate> candidates = new ArrayList<>(best.length);
        for (int item : best) {
            long movieId = model.itemId(item);
            List<String> reasons = new ArrayList<>(2);
            Reason reason = because.get(item);
            if (reason != null) {
                long likedId = model.itemId(reason.item());
                reasons.add(becauseYouLiked(titles.getOrDefault(likedId, "movie " + likedId), reason.score()));
            }
            int friendCount = friends.getOrDefault(movieId, 0);
            if (friendCount > 0) {
                reasons.add(friendsRated(friendCount));
            }
            Optional<String> liked =
                    taste == null ? Optional.empty() : served.content().likedGenre(taste, item);
            liked.ifPresent(genre -> reasons.add("Because you like " + genre));
            if (reasons.isEmpty()) {
                reasons.add(popular(served, item));
            }
            String genre = leadingGenres.get(item);
            if (profile == null && genre != null && liked.isEmpty()) {
                reasons.add("Popular in " + genre);
            }
            double score = profile != null ? model.predict(profile, item) : served.bayesian()[item];
            candidates.add(new Candidate(
                    movieId,
                    Double.isNaN(score) ? null : BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP),
                    reasons));
        }
        return List.copyOf(candidates);
    }

    /**
     * A member's taste from the genres and tags of rated movies the model has not learned (as the
     * movie cache or movie-service describe them), or null when it says nothing.
     */
    private float @Nullable [] taste(Map<Long, Float> rated, ContentModel content, Degradation degraded) {
        if (content.isEmpty()) {
            return null;
        }
        MovieLookup remembered = catalog.remembered(rated.keySet());
        Map<Long, Movie> movies = new HashMap<>(remembered.found());
        List<Long> missing = rated.keySet().stream()
                .filter(id -> !movies.containsKey(id) && !remembered.isUnknown(id))
                .toList();
        if (!missing.isEmpty() && !degraded.contains(Dependency.MOVIE_SERVICE)) {
            MovieLookup lookup = catalog.lookup(missing);
            if (lookup.degraded()) {
                degraded.add(Dependency.MOVIE_SERVICE);
            }
            movies.putAll(lookup.found());
        }
        List<float[]> vectors = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        movies.forEach((id, movie) -> {
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

    /** At most this many movies of one leading genre among the first {@value #DIVERSE_TOP} cold-start picks. */
    static final int MAX_PER_GENRE = 3;

    static final int DIVERSE_TOP = 10;

    /**
     * The first {@code limit} of {@code pool} (best first), except that among the first {@value
     * #DIVERSE_TOP} no leading genre appears more than {@value #MAX_PER_GENRE} times; the movies held
     * back follow, in their order.
     */
    static int[] diverse(int[] pool, Map<Integer, String> genres, int limit) {
        List<Integer> picked = new ArrayList<>(limit);
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> perGenre = new HashMap<>();
        for (int item : pool) {
            if (picked.size() >= Math.min(limit, DIVERSE_TOP)) {
                break;
            }
            String genre = genres.get(item);
            if (genre != null && perGenre.getOrDefault(genre, 0) >= MAX_PER_GENRE) {
                continue;
            }
            if (genre != null) {
                perGenre.merge(genre, 1, Integer::sum);
            }
            picked.add(item);
            taken.add(item);
        }
        for (int item : pool) {
            if (picked.size() >= limit) {
                break;
            }
            if (taken.add(item)) {
                picked.add(item);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Each movie's first genre, as movie-service lists them (remembered ones without asking). */
    private Map<Integer, String> leadingGenres(int[] pool, HybridModel model, Degradation degraded) {
        Map<Long, Integer> byId = new HashMap<>();
        for (int item : pool) {
            byId.put(model.itemId(item), item);
        }
        MovieLookup remembered = catalog.remembered(byId.keySet());
        Map<Long, Movie> movies = new HashMap<>(remembered.found());
        List<Long> missing = byId.keySet().stream()
                .filter(id -> !movies.containsKey(id) && !remembered.isUnknown(id))
                .toList();
        if (!missing.isEmpty() && !degraded.contains(Dependency.MOVIE_SERVICE)) {
            MovieLookup lookup = catalog.lookup(missing);
            if (lookup.degraded()) {
                degraded.add(Dependency.MOVIE_SERVICE);
            }
            movies.putAll(lookup.found());
        }
        Map<Integer, String> genres = new HashMap<>();
        movies.forEach((id, movie) -> {
            String genre = movie.json().path("genres").path(0).asString("");
            Integer item = byId.get(id);
            if (item != null && !genre.isBlank() && !genre.startsWith("(")) {
                genres.put(item, genre);
            }
        });
        return genres;
    }

    static String becauseYouLiked(String title, float score) {
        return String.format(Locale.ROOT, "Because you liked %s (%s★)", title, stars(score));
    }

    static String friendsRated(int count) {
        return count == 1 ? "A friend rated it 4 or more" : count + " friends rated it 4 or more";
    }

    static String popular(ServedModel served, int item) {
        int count = served.counts()[item];
        if (count == 0) {
            return "Suggested for you";
        }
        return String.format(
                Locale.ROOT,
                "Popular with Cinemates members (%s★ from %d rating%s)",
                BigDecimal.valueOf(served.averages()[item])
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString(),
                count,
                count == 1 ? "" : "s");
    }

    private static String stars(float score) {
        return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Titles of the movies named in reasons: remembered ones first, the rest in one lookup. */
    private Map<Long, String> titles(java.util.Collection<Reason> reasons, HybridModel model, Degradation degraded) {
        Set<Long> ids = new HashSet<>();
        for (Reason reason : reasons) {
            ids.add(model.itemId(reason.item()));
        }
        Map<Long, String> titles = new HashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        MovieLookup remembered = catalog.remembered(ids);
        remembered
                .found()
                .forEach(
                        (id, movie) -> titles.put(id, movie.json().path("title").asString("movie " + id)));
        List<Long> missing = ids.stream().filter(id -> !titles.containsKey(id)).toList();
        if (!missing.isEmpty() && !degraded.contains(Dependency.MOVIE_SERVICE)) {
            MovieLookup lookup = catalog.lookup(missing);
            if (lookup.degraded()) {
                degraded.add(Dependency.MOVIE_SERVICE);
            }
            lookup.found()
                    .forEach((id, movie) ->
                            titles.put(id, movie.json().path("title").asString("movie " + id)));
        }
        return titles;
    }

    /** Movies the member's friends rated 4 or more, as the ratings are now: movie id → how many friends. */
    private Map<Long, Integer> friendsLiked(long memberId, Degradation degraded) {
        Optional<List<Long>> friendIds = friends.of(memberId);
        if (friendIds.isEmpty()) {
            degraded.add(Dependency.USER_SERVICE);
            return Map.of();
        }
        Map<Long, Integer> liked = new HashMap<>();
        List<Long> ids = friendIds.get();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select movie_id, count(*) from ratings where user_id in (:friends) and score >= 4"
                            + " group by movie_id")
                    .param("friends", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(rs -> {
                        liked.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
                    });
        }
        return liked;
    }
}
