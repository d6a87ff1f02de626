package org.cinemates.movie.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Where the MovieLens files come from: a folder, or the sample catalogue inside the jar. */
public sealed interface CatalogueSource {

    /** How the import report names the source; never a full path, which is not the public's business. */
    String name();

    /** The file's content, or null when the source has no such file. */
    @Nullable
    InputStream open(String fileName) throws IOException;

    /** The folder, or the sample when there is none (an empty setting counts as none). */
    static CatalogueSource of(@Nullable Path folder) {
        return folder != null && !folder.toString().isEmpty() ? new Folder(folder) : new Sample();
    }

    record Folder(Path path) implements CatalogueSource {

        @Override
        public String name() {
            Path name = path.toAbsolutePath().normalize().getFileName();
            return name != null ? name.toString() : "/";
        }

        @Override
        public @Nullable InputStream open(String fileName) throws IOException {
            if (!Files.isDirectory(path)) {
                throw new NoSuchFileException(name(), null, "the catalogue folder does not exist");
            }
            Path file = path.resolve(fileName);
            return Files.exists(file) ? Files.newInputStream(file) : null;
        }
    }

    /** A few hundred well-known movies, so a fresh installation has something to show. */
    record Sample() implements CatalogueSource {

        static final String LOCATION = "/sample/";

        @Override
        public String name() {
            return "sample";
        }

        @Override
        public @Nullable InputStream open(String fileName) {
            return CatalogueSource.class.getResourceAsStream(LOCATION + fileName);
        }
    }
}
