package org.cinemates.recommender.evaluation;

import java.util.SplittableRandom;
import org.cinemates.recommender.data.Ratings;

/**
 * A seeded per-user k-fold split: each user's ratings are shuffled and dealt into k parts, and fold f
 * holds out part f (so k = 5 gives every user an 80/20 split in every fold, and every rating is held out
 * exactly once). The same ratings and seed always give the same folds.
 */
public final class Folds {

    private final Ratings all;
    private final byte[] parts;
    private final int count;

    private Folds(Ratings all, byte[] parts, int count) {
        this.all = all;
        this.parts = parts;
        this.count = count;
    }

    public static Folds split(Ratings all, int count, long seed) {
        if (count < 2 || count > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("Folds must be between 2 and " + Byte.MAX_VALUE + ": " + count);
        }
        byte[] parts = new byte[all.size()];
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[0];
        for (int user = 0; user < all.userCount(); user++) {
            int from = all.userStart(user);
            int length = all.userRatingCount(user);
            if (order.length < length) {
                order = new int[Math.max(length, order.length * 2)];
            }
            for (int k = 0; k < length; k++) {
                order[k] = k;
            }
            for (int k = length - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            // A random first part per user, so the parts that get one rating more vary between users.
            int offset = random.nextInt(count);
            for (int k = 0; k < length; k++) {
                parts[from + order[k]] = (byte) ((k + offset) % count);
            }
        }
        return new Folds(all, parts, count);
    }

    public int count() {
        return count;
    }

    /** The part (0..count-1) of the rating at a by-user position of the full ratings. */
    public int part(int position) {
        return parts[position];
    }

    /** Everything but part {@code fold}, over the full ratings' user and item indexes. */
    public Ratings training(int fold) {
        return all.filter(p -> parts[p] != fold);
    }

    /** Part {@code fold}, over the full ratings' user and item indexes. */
    public Ratings test(int fold) {
        return all.filter(p -> parts[p] == fold);
    }
}
