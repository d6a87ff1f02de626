package org.cinemates.recommender;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.cinemates.recommender.data.Ratings;
import org.opentest4j.TestAbortedException;

/** Ratings for tests: ml-latest-small where it exists, and small made-up sets. */
public final class TestData {

    private TestData() {}

    /**
     * ml-latest-small, which lives beside the repository ({@code ../shared/data/ml-latest-small}) and is
     * never committed; {@code -Dcinemates.movielens.dir=...} points elsewhere. Tests that need it are
     * skipped where it cannot be found.
     */
    public static Path movieLensSmall() {
        String configured = System.getProperty("cinemates.movielens.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data/ml-latest-small").normalize();
            if (Files.isRegularFile(candidate.resolve("ratings.csv"))) {
                return candidate;
            }
        }
        throw new TestAbortedException("ml-latest-small not found: it belongs in ../shared/data/ml-latest-small"
                + " beside the repository (or set -Dcinemates.movielens.dir)");
    }

    /**
     * Two taste groups over {@code items} items (ids from 1): users of group 0 (even ids) love the first half
     * of the items and dislike the rest, group 1 the other way round. Like real people, they mostly watch
     * what they like: each of a user's {@code perUser} ratings is of their half four times in five.
     */
    public static Ratings twoTastes(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Ratings.Builder builder = Ratings.builder();
        int half = items / 2;
        for (int u = 1; u <= users; u++) {
            boolean lovesFirstHalf = u % 2 == 0;
            for (int k = 0; k < perUser; k++) {
                boolean liked = random.nextInt(5) > 0;
                boolean firstHalf = liked == lovesFirstHalf;
                int item = 1 + random.nextInt(half) + (firstHalf ? 0 : half);
                float score = liked ? 4.5f + (random.nextBoolean() ? 0.5f : 0f) : 1.5f;
                builder.add(u, item, score);
            }
        }
        return builder.build();
    }
}
