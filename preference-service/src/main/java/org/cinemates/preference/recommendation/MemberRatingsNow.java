package org.cinemates.preference.recommendation;

import java.util.HashMap;
import java.util.Map;
import org.cinemates.preference.rating.MemberRatings;
import org.cinemates.recommender.model.HybridModel;

/**
 * A member's ratings as they are now, as a model sees them: the movies it learned (item index → score),
 * the others (movie id → score), and an order-free fingerprint of them all, so a kept fold-in is used
 * only while the ratings are the same.
 */
record MemberRatingsNow(Map<Integer, Float> learned, Map<Long, Float> unlearned, long fingerprint) {

    /** Gathers a member's ratings as they are read, for one model. */
    static final class Reader implements MemberRatings.MovieScore {

        private final HybridModel model;
        private final Map<Integer, Float> learned = new HashMap<>();
        private final Map<Long, Float> unlearned = new HashMap<>();
        private long fingerprint;

        Reader(HybridModel model) {
            this.model = model;
        }

        @Override
        public void accept(long movieId, float score) {
            fingerprint += mix(movieId * 31 + Float.floatToIntBits(score));
            int item = model.itemIndex(movieId).orElse(-1);
            if (item >= 0) {
                learned.put(item, score);
            } else {
                unlearned.put(movieId, score);
            }
        }

        /** The ratings read so far. */
        MemberRatingsNow read() {
            return new MemberRatingsNow(learned, unlearned, fingerprint);
        }
    }

    int count() {
        return learned.size() + unlearned.size();
    }

    /** SplitMix64's finaliser: spreads a rating over 64 bits, so a sum of them tells rating sets apart. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
