package org.cinemates.recommender.data;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * An immutable users × items ratings matrix in compressed sparse rows, stored twice: by user (each
 * user's items ascending) and by item (each item's users ascending). Users and items are dense int
 * indexes into {@link #users()} and {@link #items()}, scores are floats. 25 million ratings take about
 * 400 MB, and 100 MB more when they carry the time each was made ({@link #timeAt}).
 *
 * <p>Positions: {@code userStart(u)..userEnd(u)-1} are positions in the by-user arrays, read with
 * {@link #itemAt} and {@link #scoreAt}; {@code itemStart(i)..itemEnd(i)-1} are positions in the by-item
 * arrays, read with {@link #userAt} and {@link #itemScoreAt}.
 */
public final class Ratings {

    private final IdIndex users;
    private final IdIndex items;

    private final int[] userOffsets;
    private final int[] userItems;
    private final float[] userScores;
    private final int @Nullable [] userTimes;

    private final int[] itemOffsets;
    private final int[] itemUsers;
    private final float[] itemScores;

    private final double mean;

    /** Seconds since 1990-01-01T00:00:00Z, in which {@link #timeAt} tells when a rating was made. */
    public static final long TIME_ORIGIN_EPOCH_SECOND = 631_152_000L;

    /** {@link #timeAt} of a rating whose time is not known. */
    public static final int NO_TIME = -1;

    private Ratings(
            IdIndex users,
            IdIndex items,
            int[] userOffsets,
            int[] userItems,
            float[] userScores,
            int @Nullable [] userTimes) {
        this.users = users;
        this.items = items;
        this.userOffsets = userOffsets;
        this.userItems = userItems;
        this.userScores = userScores;
        this.userTimes = userTimes;
        int itemCount = items.size();
        int size = userItems.length;
        itemOffsets = new int[itemCount + 1];
        for (int item : userItems) {
            itemOffsets[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            itemOffsets[i + 1] += itemOffsets[i];
        }
        itemUsers = new int[size];
        itemScores = new float[size];
        int[] fill = Arrays.copyOf(itemOffsets, itemCount);
        double sum = 0;
        for (int user = 0; user < users.size(); user++) {
            for (int p = userOffsets[user]; p < userOffsets[user + 1]; p++) {
                int at = fill[userItems[p]]++;
                itemUsers[at] = user;
                itemScores[at] = userScores[p];
                sum += userScores[p];
            }
        }
        mean = size == 0 ? 0 : sum / size;
    }

    /** A builder over growing user and item indexes. */
    public static Builder builder() {
        return new Builder(new IdIndex(), new IdIndex(), 1024);
    }

    /**
     * A builder whose ratings use the given indexes; ratings may name ids not yet in them, which are then
     * added (so the indexes must not be frozen for that).
     */
    public static Builder builder(IdIndex users, IdIndex items, int expectedSize) {
        return new Builder(users, items, expectedSize);
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** The number of ratings. */
    public int size() {
        return userItems.length;
    }

    /** The mean of all scores (0 when empty). */
    public double mean() {
        return mean;
    }

    public int userStart(int user) {
        return userOffsets[user];
    }

    public int userEnd(int user) {
        return userOffsets[user + 1];
    }

    public int userRatingCount(int user) {
        return userOffsets[user + 1] - userOffsets[user];
    }

    /** The item at a by-user position. */
    public int itemAt(int position) {
        return userItems[position];
    }

    /** The score at a by-user position. */
    public float scoreAt(int position) {
        return userScores[position];
    }

    /** Whether the ratings carry the time each was made. */
    public boolean hasTimes() {
        return userTimes != null;
    }

    /**
     * When the rating at a by-user position was made: seconds since {@link #TIME_ORIGIN_EPOCH_SECOND}, or
     * {@link #NO_TIME}.
     */
    public int timeAt(int position) {
        return userTimes == null ? NO_TIME : userTimes[position];
    }

    /** The seconds since {@link #TIME_ORIGIN_EPOCH_SECOND} of an epoch second, within an int's range. */
    public static int time(long epochSecond) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1L, epochSecond - TIME_ORIGIN_EPOCH_SECOND));
    }

    public int itemStart(int item) {
        return itemOffsets[item];
    }

    public int itemEnd(int item) {
        return itemOffsets[item + 1];
    }

    public int itemRatingCount(int item) {
        return itemOffsets[item + 1] - itemOffsets[item];
    }

    /** The user at a by-item position. */
    public int userAt(int position) {
        return itemUsers[position];
    }

    /** The score at a by-item position. */
    public float itemScoreAt(int position) {
        return itemScores[position];
    }

    /** The score {@code user} gave {@code item}, or NaN when they did not rate it. */
    public float score(int user, int item) {
        int at = positionOf(user, item);
        return at >= 0 ? userScores[at] : Float.NaN;
    }

    /** The by-user position of a user's rating of an item, or -1 when they did not rate it. */
    public int positionOf(int user, int item) {
        int at = Arrays.binarySearch(userItems, userOffsets[user], userOffsets[user + 1], item);
        return at >= 0 ? at : -1;
    }

    public boolean hasRated(int user, int item) {
        return positionOf(user, item) >= 0;
    }

    /** The items {@code user} rated, ascending. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(userItems, userOffsets[user], userOffsets[user + 1]);
    }

    /**
     * The ratings at the by-user positions {@code keep} accepts, over the same user and item indexes (so
     * indexes mean the same in both).
     */
    public Ratings filter(IntPredicate keep) {
        int[] offsets = new int[userCount() + 1];
        int kept = 0;
        for (int user = 0; user < userCount(); user++) {
            for (int p = userOffsets[user]; p < userOffsets[user + 1]; p++) {
                if (keep.test(p)) {
                    kept++;
                }
            }
            offsets[user + 1] = kept;
        }
        int[] keptItems = new int[kept];
        float[] keptScores = new float[kept];
        int[] times = userTimes;
        int[] keptTimes = times == null ? null : new int[kept];
        int at = 0;
        for (int p = 0; p < userItems.length; p++) {
            if (keep.test(p)) {
                keptItems[at] = userItems[p];
                keptScores[at] = userScores[p];
                if (times != null && keptTimes != null) {
                    keptTimes[at] = times[p];
                }
                at++;
            }
        }
        return new Ratings(users, items, offsets, keptItems, keptScores, keptTimes);
    }

    @Override
    public String toString() {
        return "Ratings[" + size() + " ratings, " + userCount() + " users, " + itemCount() + " items]";
    }

    /**
     * Collects ratings in any order; {@link #build()} sorts them into rows. When a user rated an item more
     * than once the last rating added wins.
     */
    public static final class Builder {

        private final IdIndex users;
        private final IdIndex items;
        private int[] rowUsers;
        private int[] rowItems;
        private float[] rowScores;
        private int[] rowTimes;
        private boolean timed;
        private int size;

        private Builder(IdIndex users, IdIndex items, int expectedSize) {
            this.users = users;
            this.items = items;
            int capacity = Math.max(16, expectedSize);
            rowUsers = new int[capacity];
            rowItems = new int[capacity];
            rowScores = new float[capacity];
            rowTimes = new int[capacity];
        }

        /** Adds a rating by external ids. */
        public Builder add(long userId, long itemId, float score) {
            return addIndexed(users.add(userId), items.add(itemId), score, NO_TIME);
        }

        /** Adds a rating by external ids, made at {@code epochSecond} (seconds since 1970-01-01T00:00Z). */
        public Builder add(long userId, long itemId, float score, long epochSecond) {
            return addIndexed(users.add(userId), items.add(itemId), score, time(epochSecond));
        }

        /** Adds a rating by indexes (which must already be in the indexes). */
        public Builder addIndexed(int user, int item, float score) {
            return addIndexed(user, item, score, NO_TIME);
        }

        /** Adds a rating by indexes, made at {@code time} ({@link Ratings#time(long)}, or {@link #NO_TIME}). */
        public Builder addIndexed(int user, int item, float score, int time) {
            if (user < 0 || user >= users.size() || item < 0 || item >= items.size()) {
                throw new IndexOutOfBoundsException("user " + user + ", item " + item);
            }
            if (size == rowUsers.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8, size + (size >> 1) + 16L);
                rowUsers = Arrays.copyOf(rowUsers, capacity);
                rowItems = Arrays.copyOf(rowItems, capacity);
                rowScores = Arrays.copyOf(rowScores, capacity);
                rowTimes = Arrays.copyOf(rowTimes, capacity);
            }
            rowUsers[size] = user;
            rowItems[size] = item;
            rowScores[size] = score;
            rowTimes[size] = time;
            timed |= time != NO_TIME;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /** The ratings, indexed and sorted; the builder must not be used afterwards. */
        public Ratings build() {
            users.freeze();
            items.freeze();
            int userCount = users.size();
            int[] offsets = new int[userCount + 1];
            for (int r = 0; r < size; r++) {
                offsets[rowUsers[r] + 1]++;
            }
            for (int u = 0; u < userCount; u++) {
                offsets[u + 1] += offsets[u];
            }
            // Counting sort by user keeps each user's rows in the order they were added, so after a
            // stable sort by item the last of any duplicate is the one added last.
            int[] sortedItems = new int[size];
            float[] sortedScores = new float[size];
            int[] sortedTimes = timed ? new int[size] : null;
            int[] fill = Arrays.copyOf(offsets, userCount);
            for (int r = 0; r < size; r++) {
                int at = fill[rowUsers[r]]++;
                sortedItems[at] = rowItems[r];
                sortedScores[at] = rowScores[r];
                if (sortedTimes != null) {
                    sortedTimes[at] = rowTimes[r];
                }
            }
            rowUsers = new int[0];
            rowItems = new int[0];
            rowScores = new float[0];
            rowTimes = new int[0];
            int[] keptPerUser = new int[userCount];
            IntStream.range(0, userCount)
                    .parallel()
                    .forEach(u -> keptPerUser[u] =
                            sortRow(sortedItems, sortedScores, sortedTimes, offsets[u], offsets[u + 1]));
            int total = 0;
            for (int kept : keptPerUser) {
                total += kept;
            }
            if (total == size) {
                return new Ratings(users, items, offsets, sortedItems, sortedScores, sortedTimes);
            }
            int[] compactOffsets = new int[userCount + 1];
            int[] compactItems = new int[total];
            float[] compactScores = new float[total];
            int[] compactTimes = sortedTimes == null ? null : new int[total];
            for (int u = 0; u < userCount; u++) {
                System.arraycopy(sortedItems, offsets[u], compactItems, compactOffsets[u], keptPerUser[u]);
                System.arraycopy(sortedScores, offsets[u], compactScores, compactOffsets[u], keptPerUser[u]);
                if (compactTimes != null) {
                    System.arraycopy(sortedTimes, offsets[u], compactTimes, compactOffsets[u], keptPerUser[u]);
                }
                compactOffsets[u + 1] = compactOffsets[u] + keptPerUser[u];
            }
            return new Ratings(users, items, compactOffsets, compactItems, compactScores, compactTimes);
        }

        /** Sorts one row by item (stable), keeps the last of duplicates at the front; returns the count kept. */
        private static int sortRow(int[] rowItems, float[] rowScores, int @Nullable [] rowTimes, int from, int to) {
            int length = to - from;
            boolean sorted = true;
            for (int p = from + 1; p < to; p++) {
                if (rowItems[p - 1] >= rowItems[p]) {
                    sorted = false;
                    break;
                }
            }
            if (sorted) {
                return length;
            }
            long[] keys = new long[length];
            for (int k = 0; k < length; k++) {
                keys[k] = ((long) rowItems[from + k] << 32) | k;
            }
            Arrays.sort(keys);
            float[] scores = Arrays.copyOfRange(rowScores, from, to);
            int[] times = rowTimes == null ? null : Arrays.copyOfRange(rowTimes, from, to);
            int kept = 0;
            for (int k = 0; k < length; k++) {
                int item = (int) (keys[k] >>> 32);
                float score = scores[(int) keys[k]];
                if (kept == 0 || rowItems[from + kept - 1] != item) {
                    rowItems[from + kept] = item;
                    kept++;
                }
                rowScores[from + kept - 1] = score;
                if (times != null && rowTimes != null) {
                    rowTimes[from + kept - 1] = times[(int) keys[k]];
                }
            }
            return kept;
        }
    }
}
