package org.cinemates.movie.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.cinemates.movie.MovieSettings;
import org.cinemates.movie.catalog.CatalogueChanged;
import org.cinemates.movie.catalog.Genres;
import org.cinemates.movie.catalog.SearchText;
import org.cinemates.movie.catalog.TooManyGenres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import run: measures the files, streams every row through the parser into staging tables,
 * then merges them into the catalogue, all in one transaction, so readers see the catalogue as it
 * was until the whole import is in. Bad rows are skipped and reported; a missing or unreadable
 * file fails the run and leaves the catalogue as it was.
 */
@Component
class CatalogueImporter {

    private static final Logger log = LoggerFactory.getLogger(CatalogueImporter.class);

    /** Lines between checks for progress reports and interruption. */
    private static final int CHECK_EVERY = 4096;

    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    /** Distinct movies whose ratings are counted; a hostile ratings.csv cannot grow the map beyond. */
    private static final int MAX_RATED_MOVIES = 2_000_000;

    /** Distinct genre fields remembered with their resolved genres (real catalogues have about a thousand). */
    private static final int MAX_REMEMBERED_GENRE_FIELDS = 10_000;

    private final Staging staging;
    private final CatalogueMerge merge;
    private final Genres genres;
    private final ImportRuns runs;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final MovieSettings.Import settings;
    private final Clock clock;

    CatalogueImporter(
            DataSource dataSource,
            JdbcClient jdbc,
            Genres genres,
            ImportRuns runs,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            MovieSettings settings,
            Clock clock) {
        this.settings = settings.catalogueImport();
        this.staging = new CopyStaging(dataSource);
        this.merge = new CatalogueMerge(jdbc);
        this.genres = genres;
        this.runs = runs;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    /** Runs import {@code runId} (already recorded as RUNNING) in the calling thread. */
    void run(long runId, CatalogueSource source) {
        ImportReport report = new ImportReport(settings.maxReportedErrors());
        long started = System.nanoTime();
        try {
            Set<ImportFile> present = measure(source, report);
            runs.progress(runId, report);
            Boolean deferred = transaction.execute(status -> load(new Run(runId, source, report, present)));
            events.publishEvent(CatalogueChanged.everything());
            if (Boolean.TRUE.equals(deferred)) {
                buildDeferredIndexes();
            }
            runs.finish(runId, report, ImportStatus.DONE, null);
            log.info(
                    "Imported the {} catalogue in {} ms: {} rows, {} skipped, {} movies added, {} changed",
                    source.name(),
                    (System.nanoTime() - started) / 1_000_000,
                    report.processed(),
                    report.skipped(),
                    report.inserted(),
                    report.updated());
        } catch (ImportFailed e) {
            log.warn("Import of the {} catalogue failed: {}", source.name(), e.getMessage(), e.getCause());
            runs.finish(runId, report, ImportStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Import of the {} catalogue failed", source.name(), e);
            runs.finish(
                    runId,
                    report,
                    ImportStatus.FAILED,
                    "The import failed unexpectedly; the log of movie-service has the details");
        } finally {
            restoreIndexesAfterFailure();
        }
    }

    /** Counts the data rows of each file there is; fails when movies.csv is missing. */
    private Set<ImportFile> measure(CatalogueSource source, ImportReport report) {
        if (source instanceof CatalogueSource.Folder folder && !Files.isDirectory(folder.path())) {
            throw new ImportFailed("The catalogue folder " + source.name() + " does not exist");
        }
        Set<ImportFile> present = EnumSet.noneOf(ImportFile.class);
        for (ImportFile file : ImportFile.values()) {
            try (InputStream in = source.open(file.fileName())) {
                if (in == null) {
                    if (file.required()) {
                        throw new ImportFailed(
                                file.fileName() + " is missing from the " + source.name() + " catalogue");
                    }
                    continue;
                }
                present.add(file);
                // The first line is taken for the header here; read() corrects this when it is not.
                report.expect(Math.max(0, CsvLines.count(in) - 1));
            } catch (IOException e) {
                throw cannotRead(file, source, e);
            }
        }
        return present;
    }

    /** The state of one run, passed through the loading steps. */
    private record Run(long id, CatalogueSource source, ImportReport report, Set<ImportFile> present) {}

    /** @return whether the catalogue was empty and its indexes are left to build */
    private boolean load(Run run) {
        merge.lock();
        runs.takeOver(run.id());
        boolean deferred = Boolean.TRUE.equals(ownTransaction.execute(status -> {
            merge.restoreDeferredIndexes();
            return merge.deferIndexesIfEmpty();
        }));
        if (deferred) {
            log.info("Empty catalogue: its indexes are built after the first load");
        }
        merge.clearStaging();
        Genres.Registration registration = genres.registration();
        long copied;
        try {
            copied = stageMovies(run, registration, deferred);
            if (run.present().contains(ImportFile.LINKS)) {
                stageLinks(run);
            }
            if (run.present().contains(ImportFile.TAGS)) {
                stageTags(run);
            }
            if (run.present().contains(ImportFile.RATINGS)) {
                stagePopularity(run);
            }
        } catch (SQLException e) {
            throw new ImportFailed("The database refused the staged rows: " + e.getMessage(), e);
        }
        CatalogueMerge.Changes changes;
        if (deferred) {
            merge.linkCopiedMovies();
            changes = new CatalogueMerge.Changes(copied, 0);
        } else {
            changes = merge.mergeMovies(now());
        }
        run.report().changed(changes.inserted(), changes.updated());
        if (run.present().contains(ImportFile.TAGS)) {
            merge.mergeTags();
        }
        if (run.present().contains(ImportFile.RATINGS)) {
            merge.mergePopularity();
        }
        merge.clearStaging();
        return deferred;
    }

    /**
     * After the first load has committed: each deferred index built on a connection of its own, all
     * at once. Searches work meanwhile, only slower; edits wait until the indexes are there.
     */
    private void buildDeferredIndexes() {
        List<CatalogueMerge.DeferredIndex> indexes = merge.deferredIndexes();
        ExecutorService builders = Executors.newFixedThreadPool(Math.max(1, indexes.size()));
        try {
            List<Future<?>> built = new ArrayList<>();
            for (CatalogueMerge.DeferredIndex index : indexes) {
                built.add(builders.submit(() -> ownTransaction.executeWithoutResult(status -> merge.build(index))));
            }
            for (Future<?> index : built) {
                index.get();
            }
        } catch (ExecutionException e) {
            throw new ImportFailed("Could not build the catalogue's indexes; the next import tries again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailed("Stopped before it finished: the service is shutting down", e);
        } finally {
            builders.shutdownNow();
        }
    }

    /**
     * Stages the movies, or, into an empty catalogue, copies them straight into it (their links
     * follow in {@link CatalogueMerge#linkCopiedMovies()}).
     *
     * @return how many movies were written
     */
    private long stageMovies(Run run, Genres.Registration registration, boolean intoEmptyCatalogue)
            throws SQLException {
        var format = new MovieLensFormat(settings.maxLineLength());
        var seen = new BitSet();
        BitSet edited = merge.editedMovies();
        Map<String, Genres.Resolved> resolvedGenres = new HashMap<>();
        String now = now().toString();
        long[] written = {0};
        LoadTarget target = intoEmptyCatalogue ? LoadTarget.CATALOGUE : LoadTarget.MOVIES;
        try (Staging.Writer movies = staging.open(target)) {
            read(run, ImportFile.MOVIES, line -> {
                MovieLensFormat.MovieRow movie = format.movie(line);
                requireFirst(seen, movie.id());
                if (edited.get(Math.toIntExact(movie.id()))) {
                    return;
                }
                Genres.Resolved genresOfMovie = resolvedGenres.get(movie.genres());
                if (genresOfMovie == null) {
                    try {
                        genresOfMovie = registration.resolve(MovieLensFormat.genreNames(movie.genres()));
                    } catch (TooManyGenres e) {
                        throw new BadRow("has a genre the catalogue cannot add (it has " + Genres.MAX_GENRES
                                + " genres, the most it can hold)");
                    }
                    if (resolvedGenres.size() < MAX_REMEMBERED_GENRE_FIELDS) {
                        resolvedGenres.put(movie.genres(), genresOfMovie);
                    }
                }
                String searchTitle = SearchText.normalize(movie.title());
                if (intoEmptyCatalogue) {
                    movies.write(
                            movie.id(),
                            movie.title(),
                            movie.year(),
                            genresOfMovie.joined(),
                            genresOfMovie.bits(),
                            searchTitle,
                            now);
                } else {
                    movies.write(
                            movie.id(),
                            movie.title(),
                            movie.year(),
                            genresOfMovie.joined(),
                            genresOfMovie.bits(),
                            searchTitle);
                }
                written[0]++;
            });
        } catch (IOException e) {
            throw cannotRead(ImportFile.MOVIES, run.source(), e);
        }
        return written[0];
    }

    private void stageLinks(Run run) throws SQLException {
        var format = new MovieLensFormat(settings.maxLineLength());
        var seen = new BitSet();
        try (Staging.Writer links = staging.open(LoadTarget.LINKS)) {
            read(run, ImportFile.LINKS, line -> {
                MovieLensFormat.LinkRow link = format.link(line);
                requireFirst(seen, link.movieId());
                links.write(link.movieId(), link.imdbId(), link.tmdbId());
            });
        } catch (IOException e) {
            throw cannotRead(ImportFile.LINKS, run.source(), e);
        }
    }

    private void stageTags(Run run) throws SQLException {
        var format = new MovieLensFormat(settings.maxLineLength());
        try (Staging.Writer tags = staging.open(LoadTarget.TAGS)) {
            read(run, ImportFile.TAGS, line -> {
                MovieLensFormat.TagRow tag = format.tag(line);
                tags.write(tag.movieId(), tag.key(), tag.tag());
            });
        } catch (IOException e) {
            throw cannotRead(ImportFile.TAGS, run.source(), e);
        }
    }

    /** Counts ratings per movie here (ratings.csv can be huge; the counts are small) and stages the counts. */
    private void stagePopularity(Run run) throws SQLException {
        var format = new MovieLensFormat(settings.maxLineLength());
        Map<Integer, Integer> ratings = new HashMap<>();
        try {
            read(run, ImportFile.RATINGS, line -> {
                int movieId = Math.toIntExact(format.ratedMovie(line));
                if (ratings.size() >= MAX_RATED_MOVIES && !ratings.containsKey(movieId)) {
                    throw new BadRow("rates more distinct movies than the " + MAX_RATED_MOVIES + " counted");
                }
                ratings.merge(movieId, 1, Integer::sum);
            });
        } catch (IOException e) {
            throw cannotRead(ImportFile.RATINGS, run.source(), e);
        }
        try (Staging.Writer popularity = staging.open(LoadTarget.POPULARITY)) {
            for (Map.Entry<Integer, Integer> count : ratings.entrySet()) {
                popularity.write(count.getKey(), count.getValue());
            }
        }
    }

    /** A row's handling: may reject it as bad, or fail the import when the database does. */
    @FunctionalInterface
    private interface RowHandler {
        void handle(String line) throws BadRow, SQLException;
    }

    private void read(Run run, ImportFile file, RowHandler handler) throws IOException, SQLException {
        try (InputStream in = run.source().open(file.fileName())) {
            if (in == null) {
                throw new IOException(file.fileName() + " disappeared during the import");
            }
            readLines(run, file, new CsvLines(in, settings.maxLineLength()), handler);
        }
        runs.progress(run.id(), run.report());
    }

    private void readLines(Run run, ImportFile file, CsvLines lines, RowHandler handler)
            throws IOException, SQLException {
        ImportReport report = run.report();
        long lastProgress = System.nanoTime();
        for (CsvLines.Line line = lines.next(); line != null; line = lines.next()) {
            String text = line.text();
            if (line.number() == 1) {
                if (text != null && MovieLensFormat.isHeader(text, file)) {
                    continue;
                }
                report.expect(1);
            }
            report.read(file);
            if (text == null) {
                report.skip(file, line.number(), String.valueOf(line.problem()));
            } else {
                try {
                    handler.handle(text);
                } catch (BadRow bad) {
                    report.skip(file, line.number(), String.valueOf(bad.getMessage()));
                }
            }
            if (line.number() % CHECK_EVERY == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ImportFailed("Stopped before it finished: the service is shutting down");
                }
                if (System.nanoTime() - lastProgress > PROGRESS_INTERVAL_NANOS) {
                    runs.progress(run.id(), report);
                    lastProgress = System.nanoTime();
                }
            }
        }
    }

    private static void requireFirst(BitSet seen, long movieId) throws BadRow {
        int id = Math.toIntExact(movieId);
        if (seen.get(id)) {
            throw new BadRow("repeats movieId " + movieId + " of an earlier line");
        }
        seen.set(id);
    }

    private void restoreIndexesAfterFailure() {
        try {
            ownTransaction.executeWithoutResult(status -> merge.restoreDeferredIndexes());
        } catch (DataAccessException e) {
            log.error("Could not rebuild the catalogue's indexes; the next import tries again", e);
        }
    }

    private static ImportFailed cannotRead(ImportFile file, CatalogueSource source, IOException e) {
        String reason = e instanceof AccessDeniedException ? " (permission denied)" : "";
        return new ImportFailed(
                "Cannot read " + file.fileName() + " of the " + source.name() + " catalogue" + reason, e);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Why a run failed, in words fit for the public import status. */
    static final class ImportFailed extends RuntimeException {

        ImportFailed(String message) {
            super(message);
        }

        ImportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
