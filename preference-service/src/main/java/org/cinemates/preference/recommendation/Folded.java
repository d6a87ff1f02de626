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
 * the pass. Shared by the member's requests ({@link FoldedProfiles}).
 */
final class Folded {

    /** Best movies kept per member: at least the largest {@code limit} (100). */
    static final int KEPT_BEST = 200;

    private final UserProfile profile;
    private final int[] best;
    private final float[] scores;
    private final Map<Integer, Integer> positions;
    private final AtomicReferenceArray<Optional<Reason>> reasons;
    private final AtomicReferenceArray<Optional<BigDecimal>> predicted;

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
        float[] all = null;
        for (Map.Entry<Long, Integer> liked : friends.entrySet()) {
            int item = model.itemIndex(liked.getKey()).orElse(-1);
            if (item < 0 || profile.hasRated(item)) {
                continue;
            }
            Integer kept = positions.get(item);
            if (kept != null) {
                ranking[kept] += FriendsLiked.boost(liked.getValue());
            } else {
                if (all == null) {
                    // One pass for every friends' movie outside the kept best.
                    all = new float[model.itemCount()];
                    model.scoreItems(profile, all);
                }
                items[count] = item;
                ranking[count++] = all[item] + FriendsLiked.boost(liked.getValue());
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
