package org.cinemates.preference.recommendation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntPredicate;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.recommender.model.ContentModel;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.ModelMetadata;
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

    /** Members whose fold-in and best movies are kept. */
    static final int MAX_FOLDED = 10_000;

    /** Best movies kept per member: at least the largest {@code limit} (100). */
    static final int KEPT_BEST = 200;

    /**
     * A member's ratings as they are (their number and an order-free hash) under one trained model
     * (named by its metadata, so a key does not keep a replaced model in memory).
     */
    private record FoldKey(long memberId, ModelMetadata model, int ratings, long fingerprint) {}

    /**
     * What fold-in and a pass over every movie gave for a member's ratings: the profile and the
     * {@value #KEPT_BEST} best movies by the model's ranking score, never a rated one, with the
     * "because you liked" reason of each, worked out when first asked. Friends lift a movie by at
     * most {@code FRIEND_WEIGHT × MAX_FRIENDS_COUNTED}; a movie outside the kept best that no friend
     * liked scores below all of them, so the best {@code limit} of the kept ones and the friends' are
     * exactly the best of the whole pass, without the pass. Shared by the member's requests.
     */
    static final class Folded {

        private final UserProfile profile;
        private final int[] best;
        private final float[] scores;
        private final Map<Integer, Integer> positions;
        private final AtomicReferenceArray<Optional<Reason>> reasons;

        private Folded(UserProfile profile, int[] best, float[] scores) {
            this.profile = profile;
            this.best = best;
            this.scores = scores;
            this.positions = new HashMap<>(2 * best.length);
            for (int k = 0; k < best.length; k++) {
                positions.put(best[k], k);
            }
            this.reasons = new AtomicReferenceArray<>(best.length);
        }

        static Folded of(HybridModel model, Map<Integer, Float> mine) {
            UserProfile profile = model.foldIn(mine);
            float[] all = new float[model.itemCount()];
            model.scoreItems(profile, all);
            int[] best = TopN.select(all, KEPT_BEST, profile::hasRated);
            float[] scores = new float[best.length];
            for (int k = 0; k < best.length; k++) {
                scores[k] = all[best[k]];
            }
            return new Folded(profile, best, scores);
        }

        UserProfile profile() {
            return profile;
        }

        int[] best(HybridModel model, Map<Long, Integer> friends, int limit) {
            if (friends.isEmpty()) {
                return Arrays.copyOf(best, Math.min(limit, best.length));
            }
            int[] items = Arrays.copyOf(best, best.length + friends.size());
            float[] ranking = Arrays.copyOf(scores, items.length);
            int count = best.length;
            for (Map.Entry<Long, Integer> liked : friends.entrySet()) {
                int item = model.itemIndex(liked.getKey()).orElse(-1);
                if (item < 0 || profile.hasRated(item)) {
                    continue;
                }
                Integer kept = positions.get(item);
                if (kept != null) {
                    ranking[kept] += friendBoost(liked.getValue());
                } else {
                    items[count] = item;
                    ranking[count++] = model.scoreItem(profile, item) + friendBoost(liked.getValue());
                }
            }
            int[] picked = TopN.select(Arrays.copyOf(ranking, count), limit, position -> false);
            int[] movies = new int[picked.length];
            for (int p = 0; p < picked.length; p++) {
                movies[p] = items[picked[p]];
            }
            return movies;
        }

        /** The liked movie that best explains recommending {@code item}, if any. */
        Optional<Reason> because(HybridModel model, int item) {
            Integer kept = positions.get(item);
            if (kept == null) {
                return firstReason(model, item);
            }
            Optional<Reason> known = reasons.get(kept);
            if (known == null) {
                known = firstReason(model, item);
                reasons.set(kept, known);
            }
            return known;
        }

        private Optional<Reason> firstReason(HybridModel model, int item) {
            return model.because(profile, item, 1).stream().findFirst();
        }
    }

    /** Cold start: the member rated none of the model's movies, so none is left out. */
    private static final IntPredicate NOTHING_RATED = item -> false;

    static float friendBoost(int friends) {
        return FRIEND_WEIGHT * Math.min(MAX_FRIENDS_COUNTED, friends);
    }

    /** SplitMix64's finaliser: spreads a rating over 64 bits, so a sum of them tells rating sets apart. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

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
    private final Cache<FoldKey, Folded> folded = Caffeine.newBuilder()
            .maximumSize(MAX_FOLDED)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

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
        long[] fingerprint = {0};
        jdbc.sql("select movie_id, score from ratings where user_id = :member")
                .param("member", memberId)
                .query(rs -> {
                    long movieId = rs.getLong(1);
                    float score = rs.getFloat(2);
                    fingerprint[0] += mix(movieId * 31 + Float.floatToIntBits(score));
                    int item = model.itemIndex(movieId).orElse(-1);
                    if (item >= 0) {
                        mine.put(item, score);
                    } else {
                        unlearned.put(movieId, score);
                    }
                });
        Map<Long, Integer> friends = friendsLiked(memberId, degraded);

        Map<Integer, String> leadingGenres = new HashMap<>();
        float[] taste = null;
        UserProfile profile = null;
        Folded member = null;
        int[] best;
        if (mine.isEmpty()) {
            // Cold start: the most popular, at most a few per leading genre among the first ten; when
            // the member rated movies the model has not learned yet, their genres and tags choose
            // among the popular ones.
            float[] scores = served.bayesian().clone();
            for (Map.Entry<Long, Integer> liked : friends.entrySet()) {
                int item = model.itemIndex(liked.getKey()).orElse(-1);
                if (item >= 0 && !Float.isNaN(scores[item])) {
                    scores[item] += friendBoost(liked.getValue());
                }
            }
            int poolSize = Math.min(items, 3 * limit + 30);
            taste = unlearned.isEmpty() ? null : taste(unlearned, served.content(), degraded);
            if (taste != null) {
                served.content().rerank(taste, CONTENT_WEIGHT, scores, poolSize, NOTHING_RATED);
            }
            int[] pool = TopN.select(scores, poolSize, NOTHING_RATED);
            leadingGenres = leadingGenres(pool, model, degraded);
            best = diverse(pool, leadingGenres, limit);
        } else {
            member = folded.get(
                    new FoldKey(memberId, model.metadata(), mine.size(), fingerprint[0]),
                    key -> Folded.of(model, mine));
            profile = member.profile();
            best = member.best(model, friends, limit);
        }

        Map<Integer, Reason> because = new HashMap<>();
        if (member != null) {
            for (int item : best) {
                member.because(model, item).ifPresent(reason -> because.put(item, reason));
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
        Map<Long, Movie> movies = movies(rated.keySet(), degraded);
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
        Map<Long, Movie> movies = movies(byId.keySet(), degraded);
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
        return "Because you liked " + title + " (" + stars(score) + "★)";
    }

    static String friendsRated(int count) {
        return count == 1 ? "A friend rated it 4 or more" : count + " friends rated it 4 or more";
    }

    static String popular(ServedModel served, int item) {
        int count = served.counts()[item];
        if (count == 0) {
            return "Suggested for you";
        }
        return "Popular with Cinemates members (" + stars(served.averages()[item]) + "★ from " + count
                + (count == 1 ? " rating)" : " ratings)");
    }

    private static String stars(float score) {
        return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Titles of the movies named in reasons: remembered ones first, the rest in one lookup. */
    private Map<Long, String> titles(Collection<Reason> reasons, HybridModel model, Degradation degraded) {
        Set<Long> ids = new HashSet<>();
        for (Reason reason : reasons) {
            ids.add(model.itemId(reason.item()));
        }
        Map<Long, String> titles = new HashMap<>();
        movies(ids, degraded)
                .forEach(
                        (id, movie) -> titles.put(id, movie.json().path("title").asString("movie " + id)));
        return titles;
    }

    /**
     * The movies with these ids: remembered ones from the movie cache, the rest in one lookup,
     * unless movie-service already failed this request (then they are left out).
     */
    private Map<Long, Movie> movies(Collection<Long> ids, Degradation degraded) {
        MovieLookup remembered = catalog.remembered(ids);
        Map<Long, Movie> movies = new HashMap<>(remembered.found());
        List<Long> missing = ids.stream()
                .filter(id -> !movies.containsKey(id) && !remembered.isUnknown(id))
                .toList();
        if (!missing.isEmpty() && !degraded.contains(Dependency.MOVIE_SERVICE)) {
            MovieLookup lookup = catalog.lookup(missing);
            if (lookup.degraded()) {
                degraded.add(Dependency.MOVIE_SERVICE);
            }
            movies.putAll(lookup.found());
        }
        return movies;
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
