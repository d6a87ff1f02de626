package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.Reason;
import org.cinemates.recommender.model.TopN;
import org.cinemates.recommender.model.UserProfile;

/**
 * What fold-in and a pass over every movie gave for a member's ratings: the profile and the {@value
 * #KEPT_BEST} best movies by the model's ranking score, never a rated one, with the "because you liked"
 * reason and predicted rating of each, worked out when first asked. Friends lift a movie by at most {@link
 * FriendsLiked#MAX_BOOST}; a movie outside the kept best that no friend liked scores below all of them, so
 * the best {@code limit} of the kept ones and the friends' are exactly the best of the whole pass, without
 * the pass. A friends' movie outside the kept best needs that pass once: its score is remembered
 * (up to {@value #MAX_REMEMBERED_OUTSIDE} movies), so the member's next requests, with the same friends'
 * movies, need none. Shared by the member's requests ({@link FoldedProfiles}).
 */
final class Folded {

    /** Best movies kept per member: at least the largest {@code limit} (100). */
    static final int KEPT_BEST = 200;

    /** Friends' movies outside the kept best whose scores a pass gave: at most this many are remembered. */
    static final int MAX_REMEMBERED_OUTSIDE = 1_000;

    private final UserProfile profile;
    private final int[] best;
    private final float[] scores;
    private final Map<Integer, Integer> positions;
    private final AtomicReferenceArray<Optional<Reason>> reasons;
    private final AtomicReferenceArray<Optional<BigDecimal>> predicted;
    private volatile Outside outside = Outside.NONE;

    private Folded(UserProfile profile, int[] best, float[] scores) {
        this.profile = profile;
        this.best = best;
        this.scores = scores;
        this.positions = new HashMap<>(2 * best.length);
        for (int k = 0; k < best.length; k++) {
            positions.put(best[k], k);
        }
        this.reasons = new AtomicReferenceArray<>(best.length);
        this.predicted = new AtomicReferenceArray<>(best.length);
    }

    /**
     * Ranking scores of movies outside the kept best, each entry the item in its high 32 bits and
     * the score's bits in its low 32, so that entries sort by item (a score may be NaN: the ranker
     * does not cover every movie).
     */
    private record Outside(long[] entries) {

        static final Outside NONE = new Outside(new long[0]);

        /** Where {@code item} is, or a negative number when it is not remembered. */
        int find(int item) {
            int at = Arrays.binarySearch(entries, (long) item << 32);
            int next = at >= 0 ? at : -at - 1;
            return next < entries.length && (int) (entries[next] >>> 32) == item ? next : -1;
        }

        float score(int at) {
            return Float.intBitsToFloat((int) entries[at]);
        }

        /** These too, as far as there is room; the ones known already are kept as they are. */
        Outside with(int[] items, float[] scores, int count) {
            long[] all = Arrays.copyOf(entries, Math.min(MAX_REMEMBERED_OUTSIDE, entries.length + count));
            int size = entries.length;
            for (int k = 0; k < count && size < all.length; k++) {
                if (find(items[k]) < 0) {
                    all[size++] = (long) items[k] << 32 | (Float.floatToRawIntBits(scores[k]) & 0xFFFF_FFFFL);
                }
            }
            if (size == entries.length) {
                return this;
            }
            long[] grown = Arrays.copyOf(all, size);
            Arrays.sort(grown);
            return new Outside(grown);
        }
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

    /** The best {@code limit} movies with the friends' lift (movie id → friends who liked it). */
    int[] best(HybridModel model, Map<Long, Integer> friends, int limit) {
        if (friends.isEmpty()) {
            return Arrays.copyOf(best, Math.min(limit, best.length));
        }
        int[] items = Arrays.copyOf(best, best.length + friends.size());
        float[] ranking = Arrays.copyOf(scores, items.length);
        int count = best.length;
        Outside known = outside;
        // Friends' movies outside the kept best that no pass has scored yet, with their lift.
        int[] unscored = new int[friends.size()];
        float[] lifts = new float[friends.size()];
        int missing = 0;
        for (Map.Entry<Long, Integer> liked : friends.entrySet()) {
            int item = model.itemIndex(liked.getKey()).orElse(-1);
            if (item < 0 || profile.hasRated(item)) {
                continue;
            }
            float lift = FriendsLiked.boost(liked.getValue());
            Integer kept = positions.get(item);
            if (kept != null) {
                ranking[kept] += lift;
                continue;
            }
            int remembered = known.find(item);
            if (remembered >= 0) {
                items[count] = item;
                ranking[count++] = known.score(remembered) + lift;
            } else {
                unscored[missing] = item;
                lifts[missing++] = lift;
            }
        }
        if (missing > 0) {
            // One pass for every friends' movie outside the kept best not scored before.
            float[] all = new float[model.itemCount()];
            model.scoreItems(profile, all);
            float[] passed = new float[missing];
            for (int k = 0; k < missing; k++) {
                passed[k] = all[unscored[k]];
                items[count] = unscored[k];
                ranking[count++] = passed[k] + lifts[k];
            }
            remember(unscored, passed, missing);
        }
        int[] picked = TopN.select(Arrays.copyOf(ranking, count), limit, position -> false);
        int[] movies = new int[picked.length];
        for (int p = 0; p < picked.length; p++) {
            movies[p] = items[picked[p]];
        }
        return movies;
    }

    /** How many friends' movies outside the kept best have their score remembered. */
    int rememberedOutside() {
        return outside.entries().length;
    }

    private synchronized void remember(int[] items, float[] passed, int count) {
        outside = outside.with(items, passed, count);
    }

    /** The liked movie that best explains recommending {@code item}, if any. */
    Optional<Reason> because(HybridModel model, int item) {
        return remembered(reasons, item, () -> firstReason(model, item));
    }

    /**
     * The rating the model predicts the member would give {@code item}, to two decimals (empty when it
     * cannot say).
     */
    Optional<BigDecimal> predicted(HybridModel model, int item) {
        return remembered(predicted, item, () -> predict(model, item));
    }

    /** What {@code work} gives for {@code item}, worked out once for a kept movie. */
    private <T> Optional<T> remembered(AtomicReferenceArray<Optional<T>> memory, int item, Supplier<Optional<T>> work) {
        Integer kept = positions.get(item);
        if (kept == null) {
            return work.get();
        }
        Optional<T> known = memory.get(kept);
        if (known == null) {
            known = work.get();
            memory.set(kept, known);
        }
        return known;
    }

    private Optional<BigDecimal> predict(HybridModel model, int item) {
        return Optional.ofNullable(Candidate.score(model.predict(profile, item)));
    }

    private Optional<Reason> firstReason(HybridModel model, int item) {
        return model.because(profile, item, 1).stream().findFirst();
    }
}
