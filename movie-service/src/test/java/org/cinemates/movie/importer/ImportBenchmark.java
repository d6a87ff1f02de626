package org.cinemates.movie.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cinemates.movie.MovieServiceApplication;
import org.cinemates.platform.test.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The import benchmark: writes a MovieLens-shaped movies.csv of {@code cinemates.bench.rows} rows
 * (1,000,000 by default) into a temporary folder, starts movie-service on a fresh PostgreSQL
 * database, imports the file twice with the real importer and prints rows per second. The second
 * run changes nothing and shows what an idempotent re-import costs.
 *
 * <p>Run it from the repository root (see BENCHMARKS.md):
 *
 * <pre>./mvnw -B -q -f movie-service/pom.xml -Pbench test-compile exec:java</pre>
 */
public final class ImportBenchmark {

    private static final String[] WORDS = {
        "night", "city", "love", "last", "dark", "house", "river", "king", "queen", "war", "dead", "life", "world",
        "blue", "red", "road", "star", "time", "girl", "boy", "dream", "heart", "fire", "water", "stone", "moon", "sun",
        "ghost", "summer", "winter", "secret", "island", "shadow", "empire", "journey", "promise", "silent", "golden",
        "broken", "wild", "little", "big", "lost", "great", "strange", "perfect", "amélie", "café", "señor", "über",
        "noël", "straße", "garçon", "fiancée"
    };
    private static final String[] GENRES = {
        "Action",
        "Adventure",
        "Animation",
        "Children",
        "Comedy",
        "Crime",
        "Documentary",
        "Drama",
        "Fantasy",
        "Film-Noir",
        "Horror",
        "IMAX",
        "Musical",
        "Mystery",
        "Romance",
        "Sci-Fi",
        "Thriller",
        "War",
        "Western"
    };

    private ImportBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.getInteger("cinemates.bench.rows", 1_000_000);
        Path folder = Files.createTempDirectory("movielens-bench");
        long started = System.nanoTime();
        writeMovies(folder.resolve("movies.csv"), rows);
        System.out.printf(
                Locale.ROOT,
                "bench: wrote %,d movies (%,d bytes) in %.1f s%n",
                rows,
                Files.size(folder.resolve("movies.csv")),
                seconds(started));

        String database = TestDatabases.postgres("bench");
        // Command-line arguments, so they win over application.yml as they would in production.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(MovieServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestDatabases.user(),
                        "--spring.datasource.password=" + TestDatabases.password(),
                        "--cinemates.movies.import.on-startup=false",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off")) {
            CatalogueImports imports = service.getBean(CatalogueImports.class);
            report("first import (empty catalogue)", rows, () -> imports.importNow(CatalogueSource.of(folder)));
            report("second import (nothing changed)", rows, () -> imports.importNow(CatalogueSource.of(folder)));
        } finally {
            Files.deleteIfExists(folder.resolve("movies.csv"));
            Files.deleteIfExists(folder);
        }
    }

    private interface Run {
        ImportStatus run();
    }

    private static void report(String what, int rows, Run run) {
        long started = System.nanoTime();
        ImportStatus status = run.run();
        double seconds = seconds(started);
        if (!status.state().equals(ImportStatus.DONE) || status.skipped() != 0) {
            throw new IllegalStateException("The import did not go through: " + status);
        }
        System.out.printf(
                Locale.ROOT,
                "bench: %s: %,d rows in %.2f s = %,.0f rows/s (%,d added, %,d changed)%n",
                what,
                rows,
                seconds,
                rows / seconds,
                status.inserted(),
                status.updated());
    }

    /** Titles like MovieLens's: a year in parentheses, articles moved to the end, some a.k.a.s. */
    static void writeMovies(Path file, int rows) throws IOException {
        Random random = new Random(20_240_601);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("movieId,title,genres\n");
            StringBuilder title = new StringBuilder();
            for (int id = 1; id <= rows; id++) {
                title.setLength(0);
                int words = 1 + random.nextInt(4);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        title.append(' ');
                    }
                    String word = WORDS[random.nextInt(WORDS.length)];
                    title.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                }
                if (random.nextInt(6) == 0) {
                    title.append(", The");
                }
                if (random.nextInt(10) == 0) {
                    title.append(" (a.k.a. ")
                            .append(WORDS[random.nextInt(WORDS.length)])
                            .append(')');
                }
                title.append(" (").append(1900 + random.nextInt(126)).append(')');
                out.write(Integer.toString(id));
                out.write(',');
                out.write(quoted(title.toString()));
                out.write(',');
                out.write(genres(random));
                out.write('\n');
            }
        }
    }

    private static String genres(Random random) {
        if (random.nextInt(50) == 0) {
            return "(no genres listed)";
        }
        List<String> picked = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        while (picked.size() < count) {
            String genre = GENRES[random.nextInt(GENRES.length)];
            if (!picked.contains(genre)) {
                picked.add(genre);
            }
        }
        return String.join("|", picked);
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
