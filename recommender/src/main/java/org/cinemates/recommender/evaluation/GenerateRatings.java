package org.cinemates.recommender.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code generate-ratings --rows 25000000 --users 162000 --items 60000 --seed 7 --out FILE}: writes a
 * MovieLens-like {@code ratings.csv} for scale tests. Item popularity and user activity follow shifted
 * power laws (roughly MovieLens 25M's: every user has at least 20 ratings, a median near 90, a few
 * thousand at most; the top thousand movies take about 60% of the ratings, with a long tail). A hidden
 * latent-factor taste decides which of the movies drawn by popularity a user keeps, and with noise their
 * scores, rounded to half stars: there is structure to learn in what people rate and how. The same
 * arguments always give the same file.
 */
public final class GenerateRatings {

    static final int MIN_RATINGS_PER_USER = 20;
    static final int LATENT = 12;
    private static final int USERS_PER_CHUNK = 2000;

    private GenerateRatings() {}

    public static void main(String[] args) {
        try {
            Arguments arguments =
                    Arguments.parse(args, Set.of("--rows", "--users", "--items", "--seed", "--out"), Set.of());
            long rows = arguments.number("--rows", 25_000_000);
            int users = (int) arguments.number("--users", 162_000);
            int items = (int) arguments.number("--items", 60_000);
            long seed = arguments.number("--seed", 7);
            Path out = Path.of(arguments.required("--out"));
            long started = System.nanoTime();
            long written = generate(rows, users, items, seed, out);
            System.out.printf(
                    Locale.ROOT,
                    "Wrote %d ratings (%d users, %d items) to %s in %.1f s (%d MB)%n",
                    rows,
                    users,
                    items,
                    out,
                    (System.nanoTime() - started) / 1e9,
                    written >> 20);
        } catch (IllegalArgumentException e) {
            System.err.println("generate-ratings: " + e.getMessage());
            System.err.println("usage: generate-ratings --rows N --users N --items N [--seed 7] --out FILE");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("generate-ratings: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the file and returns its size in bytes. */
    public static long generate(long rows, int users, int items, long seed, Path out) throws IOException {
        if (users < 1 || items < MIN_RATINGS_PER_USER * 2 || rows < (long) users * MIN_RATINGS_PER_USER) {
            throw new IllegalArgumentException(
                    "Need at least " + MIN_RATINGS_PER_USER + " ratings per user and twice as many items");
        }
        if (rows > (long) users * items / 2) {
            throw new IllegalArgumentException("Too many rows for " + users + " users and " + items + " items");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = ratingsPerUser(rows, users, items, random.split());
        double[] popularity = cumulative(powerLaw(items, items / 200.0, 1.6, random.split()));
        long[] movieIds = movieIds(items, random.split());
        float[] itemFactors = gaussian(items * LATENT, random.split());
        float[] itemBias = gaussian(items, random.split());
        long chunkSeed = random.nextLong();

        int chunks = (users + USERS_PER_CHUNK - 1) / USERS_PER_CHUNK;
        int batch = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        long size = 0;
        try (OutputStream stream = Files.newOutputStream(out)) {
            byte[] header = "userId,movieId,rating,timestamp\n".getBytes(StandardCharsets.US_ASCII);
            stream.write(header);
            size += header.length;
            for (int first = 0; first < chunks; first += batch) {
                int from = first;
                byte[][] parts = new byte[Math.min(batch, chunks - first)][];
                IntStream.range(0, parts.length)
                        .parallel()
                        .forEach(c -> parts[c] = chunk(
                                from + c,
                                users,
                                counts,
                                popularity,
                                movieIds,
                                itemFactors,
                                itemBias,
                                new SplittableRandom(chunkSeed ^ ((from + c) * 0x9E3779B97F4A7C15L))));
                for (byte[] part : parts) {
                    stream.write(part);
                    size += part.length;
                }
            }
        }
        return size;
    }

    /** Every user's rating count: at least the minimum, the rest by a power law, summing to {@code rows}. */
    static int[] ratingsPerUser(long rows, int users, int items, SplittableRandom random) {
        double[] weights = powerLaw(users, users / 162.0, 0.85, random);
        double total = Arrays.stream(weights).sum();
        long extra = rows - (long) users * MIN_RATINGS_PER_USER;
        int cap = items / 3;
        int[] counts = new int[users];
        long assigned = 0;
        for (int u = 0; u < users; u++) {
            counts[u] = (int) Math.min(cap, MIN_RATINGS_PER_USER + (long) Math.floor(weights[u] / total * extra));
            assigned += counts[u];
        }
        // Rounding and the cap leave a few short: hand them out one at a time, round robin.
        for (int u = 0; assigned < rows; u = (u + 1) % users) {
            if (counts[u] < cap) {
                counts[u]++;
                assigned++;
            }
        }
        return counts;
    }

    /** Weights (rank + shift)^-exponent, dealt to indexes in random order. */
    static double[] powerLaw(int count, double shift, double exponent, SplittableRandom random) {
        int[] rank = new int[count];
        for (int k = 0; k < count; k++) {
            rank[k] = k;
        }
        for (int k = count - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = rank[k];
            rank[k] = rank[j];
            rank[j] = t;
        }
        double[] weights = new double[count];
        for (int k = 0; k < count; k++) {
            weights[k] = Math.pow(rank[k] + shift, -exponent);
        }
        return weights;
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k];
            cumulative[k] = sum;
        }
        for (int k = 0; k < weights.length; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    /** Sparse, MovieLens-looking movie ids: increasing with gaps. */
    private static long[] movieIds(int items, SplittableRandom random) {
        long[] ids = new long[items];
        long id = 0;
        for (int k = 0; k < items; k++) {
            id += 1 + random.nextInt(4);
            ids[k] = id;
        }
        return ids;
    }

    private static float[] gaussian(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int k = 0; k < count; k++) {
            values[k] = (float) gaussian(random);
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The CSV lines of one chunk of users. */
    private static byte[] chunk(
            int chunk,
            int users,
            int[] counts,
            double[] popularity,
            long[] movieIds,
            float[] itemFactors,
            float[] itemBias,
            SplittableRandom random) {
        int from = chunk * USERS_PER_CHUNK;
        int to = Math.min(users, from + USERS_PER_CHUNK);
        long rows = 0;
        for (int u = from; u < to; u++) {
            rows += counts[u];
        }
        Line line = new Line((int) Math.min(Integer.MAX_VALUE - 8, rows * 32));
        boolean[] taken = new boolean[movieIds.length];
        int[] picked = new int[movieIds.length];
        float[] taste = new float[LATENT];
        for (int u = from; u < to; u++) {
            for (int k = 0; k < LATENT; k++) {
                taste[k] = (float) gaussian(random);
            }
            double userBias = 0.35 * gaussian(random);
            long timestamp = 1_000_000_000L + random.nextInt(500_000_000);
            int count = counts[u];
            for (int n = 0; n < count; n++) {
                // People mostly watch what suits them: a movie drawn by popularity is kept with probability
                // σ(2 · affinity), so which movies a user rated says something about their taste too.
                int item;
                double affinity;
                while (true) {
                    int at = Arrays.binarySearch(popularity, random.nextDouble());
                    item = Math.min(movieIds.length - 1, at >= 0 ? at : -at - 1);
                    if (taken[item]) {
                        continue;
                    }
                    double dot = 0;
                    for (int k = 0; k < LATENT; k++) {
                        dot += taste[k] * itemFactors[item * LATENT + k];
                    }
                    affinity = dot / Math.sqrt(LATENT);
                    if (random.nextDouble() * (1 + Math.exp(-2 * affinity)) < 1) {
                        break;
                    }
                }
                taken[item] = true;
                picked[n] = item;
                double score = 3.5 + userBias + 0.4 * itemBias[item] + 0.7 * affinity + 0.5 * gaussian(random);
                double halves = Math.max(1, Math.min(10, Math.round(score * 2)));
                timestamp += 1 + random.nextInt(3600);
                line.number(u + 1L).comma().number(movieIds[item]).comma();
                line.rating((int) halves).comma().number(timestamp).newline();
            }
            for (int n = 0; n < count; n++) {
                taken[picked[n]] = false;
            }
        }
        return line.bytes();
    }

    /** A growing byte buffer with just enough number formatting for the CSV. */
    private static final class Line {
        private byte[] bytes;
        private int size;

        Line(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        Line number(long value) {
            ensure(20);
            if (value == 0) {
                bytes[size++] = '0';
                return this;
            }
            int start = size;
            while (value > 0) {
                bytes[size++] = (byte) ('0' + value % 10);
                value /= 10;
            }
            for (int a = start, b = size - 1; a < b; a++, b--) {
                byte t = bytes[a];
                bytes[a] = bytes[b];
                bytes[b] = t;
            }
            return this;
        }

        /** A half-star score from its count of halves: 7 → "3.5". */
        Line rating(int halves) {
            ensure(4);
            bytes[size++] = (byte) ('0' + halves / 2);
            bytes[size++] = '.';
            bytes[size++] = (byte) (halves % 2 == 0 ? '0' : '5');
            return this;
        }

        Line comma() {
            ensure(1);
            bytes[size++] = ',';
            return this;
        }

        Line newline() {
            ensure(1);
            bytes[size++] = '\n';
            return this;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
