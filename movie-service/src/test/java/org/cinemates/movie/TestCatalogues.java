package org.cinemates.movie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/** MovieLens-format folders for tests: ml-latest-small, and small ones written on the spot. */
public final class TestCatalogues {

    private TestCatalogues() {}

    /**
     * ml-latest-small, which lives beside the repository ({@code ../shared/data/ml-latest-small})
     * and is never committed; {@code -Dcinemates.movielens.dir=...} points elsewhere. Tests that
     * need it are skipped where it cannot be found.
     */
    public static Path movieLensSmall() {
        String configured = System.getProperty("cinemates.movielens.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data/ml-latest-small").normalize();
            if (Files.isRegularFile(candidate.resolve("movies.csv"))) {
                return candidate;
            }
        }
        // Not every machine has the dataset (it is never committed); ./cinemates test finds it
        // where it exists and passes it on, so there these tests always run.
        throw new TestAbortedException("ml-latest-small not found: it belongs in ../shared/data/ml-latest-small"
                + " beside the repository (or set -Dcinemates.movielens.dir)");
    }

    /** A fresh folder holding the given files (name to content, UTF-8). */
    public static Path folder(Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory("catalogue");
            dir.toFile().deleteOnExit();
            for (Map.Entry<String, String> file : files.entrySet()) {
                write(dir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
