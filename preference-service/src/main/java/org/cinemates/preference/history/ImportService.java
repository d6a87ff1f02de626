package org.cinemates.preference.history;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.web.ProblemException;
import org.cinemates.platform.web.ValidationFailed;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.diary.DiaryEntry;
import org.cinemates.preference.diary.DiaryImports;
import org.cinemates.preference.diary.ViewingRules;
import org.cinemates.preference.list.ListImports;
import org.cinemates.preference.rating.RatingUpdates;
import org.cinemates.preference.watchlist.WatchlistImports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import from upload to undo: the file is read at once (a file that cannot be imported is
 * refused then), matched in the background, shown for review, applied in one transaction, and
 * undone exactly. A few imports run at a time; more wait in a short queue, and beyond it an upload
 * is turned away with 503.
 */
@Service
class ImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final HistoryImports imports;
    private final DiaryImports diary;
    private final RatingUpdates ratings;
    private final WatchlistImports watchlist;
    private final ListImports lists;
    private final MovieCatalog catalog;
    private final ImportSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /** Progress is written in a transaction of its own, so readers see it while an apply's is open. */
    private final TransactionTemplate aside;

    private final ThreadPoolExecutor workers;
    private volatile @Nullable CatalogueIndex index;
    private volatile Instant indexBuilt = Instant.MIN;

    ImportService(
            HistoryImports imports,
            DiaryImports diary,
            RatingUpdates ratings,
            WatchlistImports watchlist,
            ListImports lists,
            MovieCatalog catalog,
            ImportSettings settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.imports = imports;
        this.diary = diary;
        this.ratings = ratings;
        this.watchlist = watchlist;
        this.lists = lists;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.aside = new TransactionTemplate(transactions);
        this.aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = new ThreadPoolExecutor(
                settings.workers(),
                settings.workers(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queue())));
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    private static ProblemException busy() {
        return new ImportsBusy();
    }

    /** Every worker is busy and the queue is full. */
    static final class ImportsBusy extends ProblemException {
        ImportsBusy() {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "imports-busy",
                    "Too many imports",
                    "Too many imports are running; try again in a minute");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Files read at once: reading holds a file's text and rows in memory, so a few uploads of the
     * largest allowed files at the same moment must not add up past the heap.
     */
    private final java.util.concurrent.Semaphore reading = new java.util.concurrent.Semaphore(1);

    /** Reads the file and starts matching it; returns the new import's id. */
    long upload(long userId, String fileName, byte[] bytes) {
        if (workers.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
        HistoryFiles.Parsed parsed;
        try {
            if (!reading.tryAcquire(10, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            parsed = HistoryFiles.read(
                    fileName,
                    bytes,
                    new HistoryFiles.Limits(
                            settings.maxEntries(),
                            settings.maxUncompressed().toBytes(),
                            settings.maxRatio(),
                            settings.maxRows()));
        } finally {
            reading.release();
        }
        long id = imports.create(
                userId,
                parsed.source(),
                HistoryFiles.shorten(fileName, 200),
                parsed.skipped(),
                parsed.rows().size(),
                now());
        try {
            workers.execute(() -> analyse(userId, id, parsed.rows()));
        } catch (RejectedExecutionException e) {
            imports.state(id, "FAILED", "Too many imports were running", now());
            throw busy();
        }
        return id;
    }

    long lastAnalysisMillis;

    private void analyse(long userId, long id, List<ImportRow> rows) {
        long started = System.nanoTime();
        try {
            CatalogueIndex catalogue = catalogue();
            Existing existing = existing(userId);
            List<Analysed.Row> analysed = new ArrayList<>(rows.size());
            Set<String> seen = new HashSet<>();
            ImportProgress progress =
                    new ImportProgress(rows.size(), PROGRESS_EVERY, done -> imports.progress(id, done));
            for (int i = 0; i < rows.size(); i++) {
                progress.advance(1);
                ImportRow row = rows.get(i);
                Analysed.Status status;
                Long movieId = null;
                List<Long> candidates = List.of();
                String problem = row.problem();
                if (problem == null
                        && row.watchedOn() != null
                        && row.kind() == ImportRow.Kind.VIEWING
                        && ViewingRules.checkDay(row.watchedOn(), clock) != null) {
                    problem = "the watched date " + ViewingRules.checkDay(row.watchedOn(), clock);
                }
                if (problem != null) {
                    status = Analysed.Status.INVALID;
                } else {
                    CatalogueIndex.Match match = catalogue.match(row);
                    movieId = match.movieId();
                    candidates = match.candidates();
                    if (movieId == null) {
                        status = candidates.size() > 1 || (!candidates.isEmpty() && row.year() == null)
                                ? Analysed.Status.AMBIGUOUS
                                : Analysed.Status.UNMATCHED;
                    } else {
                        status = existing.has(row, movieId) || !seen.add(Existing.key(row, movieId))
                                ? Analysed.Status.DUPLICATE
                                : Analysed.Status.MATCHED;
                    }
                }
                analysed.add(new Analysed.Row(
                        i + 1,
                        row.kind(),
                        status,
                        row.where(),
                        row.title(),
                        row.year(),
                        movieId,
                        candidates,
                        row.watchedOn(),
                        row.score(),
                        row.review(),
                        row.rewatch(),
                        row.tags(),
                        problem,
                        row.list()));
            }
            analysed = withinListLimits(analysed, existing.listNames, existing.listCount);
            imports.analysed(id, counts(analysed), new Analysed.Rows(analysed), now());
        } catch (DependencyUnavailable e) {
            imports.state(id, "FAILED", "The catalogue could not be read; try again later", now());
        } catch (RuntimeException e) {
            log.warn("Import {} could not be analysed", id, e);
            imports.state(id, "FAILED", "The import could not be analysed", now());
        } finally {
            lastAnalysisMillis = (System.nanoTime() - started) / 1_000_000;
        }
    }

    /** Rows matched, or written, between two progress notes. */
    static final int PROGRESS_EVERY = 1000;

    /**
     * A list's movies past the 1,000 a list holds, and lists past the 500 a member keeps, are
     * rows that cannot be imported, each with its reason.
     */
    static List<Analysed.Row> withinListLimits(List<Analysed.Row> rows, Set<String> listNames, long listCount) {
        Map<String, Integer> moviesOf = new HashMap<>();
        Set<String> listsMade = new HashSet<>();
        long allowance = ListImports.MAX_LISTS - listCount;
        List<Analysed.Row> checked = new ArrayList<>(rows.size());
        for (Analysed.Row row : rows) {
            ImportRow.ListPart list = row.list();
            if (list == null || row.kind() != ImportRow.Kind.LIST_ITEM || row.status() == Analysed.Status.INVALID) {
                checked.add(row);
                continue;
            }
            String key = ListImports.key(list.name());
            if (!listNames.contains(key) && !listsMade.contains(key)) {
                if (listsMade.size() >= allowance) {
                    checked.add(row.refuse("a member keeps at most " + ListImports.MAX_LISTS + " lists"));
                    continue;
                }
                listsMade.add(key);
            }
            int movies = moviesOf.merge(key, 1, Integer::sum);
            checked.add(
                    movies > ListImports.MAX_ITEMS
                            ? row.refuse("a list holds at most " + ListImports.MAX_ITEMS + " movies")
                            : row);
        }
        return checked;
    }

    private CatalogueIndex catalogue() {
        CatalogueIndex current = index;
        if (current == null
                || indexBuilt.plus(settings.catalogueTtl()).isBefore(clock.instant())
                || settings.catalogueTtl().isZero()) {
            current = new CatalogueIndex(catalog.everyMovie(settings.maxCatalogue()));
            index = current;
            indexBuilt = clock.instant();
        }
        return current;
    }

    static HistoryImports.Counts counts(List<Analysed.Row> rows) {
        int[] by = new int[Analysed.Status.values().length];
        Set<String> listsToMake = new HashSet<>();
        for (Analysed.Row row : rows) {
            by[row.status().ordinal()]++;
            if (row.list() != null && row.status() == Analysed.Status.MATCHED) {
                listsToMake.add(ListImports.key(row.list().name()));
            }
        }
        return new HistoryImports.Counts(
                rows.size(),
                by[Analysed.Status.MATCHED.ordinal()],
                by[Analysed.Status.AMBIGUOUS.ordinal()],
                by[Analysed.Status.UNMATCHED.ordinal()],
                by[Analysed.Status.DUPLICATE.ordinal()],
                by[Analysed.Status.INVALID.ordinal()],
                listsToMake.size());
    }

    /** What the member has now, to tell rows already there. */
    private final class Existing {
        final Set<DiaryImports.Key> viewings;
        final Map<Long, RatingUpdates.Previous> rated;
        final Set<Long> onWatchlist;
        final Set<Long> liked;
        final Set<String> listNames;
        final long listCount;

        Existing(long userId) {
            viewings = diary.keysOf(userId);
            rated = ratings.ratingsOf(userId);
            onWatchlist = new HashSet<>(watchlist.moviesOf(userId));
            liked = new HashSet<>(diary.likedOf(userId));
            listNames = lists.namesOf(userId);
            listCount = lists.countOf(userId);
        }

        boolean has(ImportRow row, long movieId) {
            return has(row.kind(), movieId, row.watchedOn(), row.score(), row.list());
        }

        /** Whether the member has this already; a list of the same name counts as the list. */
        boolean has(
                ImportRow.Kind kind,
                long movieId,
                @Nullable LocalDate day,
                @Nullable BigDecimal score,
                ImportRow.@Nullable ListPart list) {
            return switch (kind) {
                case VIEWING -> day != null && viewings.contains(DiaryImports.keyOf(movieId, day, score));
                case RATING ->
                    score != null
                            && rated.containsKey(movieId)
                            && rated.get(movieId).score().compareTo(score) == 0;
                case WATCHLIST -> onWatchlist.contains(movieId);
                case LIKE -> liked.contains(movieId);
                case LIST_ITEM -> list != null && listNames.contains(ListImports.key(list.name()));
            };
        }

        static String key(ImportRow row, long movieId) {
            return key(row.kind(), movieId, row.watchedOn(), row.score(), row.list());
        }

        static String key(
                ImportRow.Kind kind,
                long movieId,
                @Nullable LocalDate day,
                @Nullable BigDecimal score,
                ImportRow.@Nullable ListPart list) {
            return kind + "|" + movieId + "|" + day + "|"
                    + (score == null ? "" : score.stripTrailingZeros().toPlainString())
                    + (list == null ? "" : "|" + ListImports.key(list.name()));
        }
    }

    private Existing existing(long userId) {
        return new Existing(userId);
    }

    HistoryImports.Stored find(long userId, long id) {
        return imports.find(userId, id).orElseThrow(() -> new ImportNotFound(id));
    }

    /** A list the file holds: its name, how many of its movies the file names, and how many were found. */
    record ListSummary(String name, int movies, int matched) {}

    List<ListSummary> lists(long id) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Analysed.Row row : imports.rows(id).rows()) {
            ImportRow.ListPart list = row.list();
            if (list == null) {
                continue;
            }
            String key = ListImports.key(list.name());
            names.putIfAbsent(key, list.name());
            int[] count = counts.computeIfAbsent(key, k -> new int[2]);
            count[0]++;
            if (row.status() == Analysed.Status.MATCHED) {
                count[1]++;
            }
        }
        List<ListSummary> summaries = new ArrayList<>();
        counts.forEach(
                (key, count) -> summaries.add(new ListSummary(names.getOrDefault(key, key), count[0], count[1])));
        return summaries;
    }

    List<Analysed.Row> toReview(long id, int limit) {
        return imports.rows(id).rows().stream()
                .filter(row -> row.status() == Analysed.Status.AMBIGUOUS || row.status() == Analysed.Status.UNMATCHED)
                .limit(limit)
                .toList();
    }

    List<Analysed.Row> invalid(long id, int limit) {
        return imports.rows(id).rows().stream()
                .filter(row -> row.status() == Analysed.Status.INVALID)
                .limit(limit)
                .toList();
    }

    /** The member's choice for unclear rows: a movie of the catalogue, or none (skip the row). */
    void choose(long userId, long id, Map<Integer, @Nullable Long> choices) {
        transaction.executeWithoutResult(status -> {
            String state = imports.lockState(userId, id).orElseThrow(() -> new ImportNotFound(id));
            if (!state.equals("PREVIEW")) {
                throw new ImportInWrongState(state, "choices are made during the preview");
            }
            List<Analysed.Row> rows = new ArrayList<>(imports.rows(id).rows());
            CatalogueIndex catalogue = index;
            for (Map.Entry<Integer, @Nullable Long> choice : choices.entrySet()) {
                int at = choice.getKey() - 1;
                if (at < 0 || at >= rows.size()) {
                    throw new ValidationFailed("choices", "row " + choice.getKey() + " is not a row of this import");
                }
                Analysed.Row row = rows.get(at);
                Long movie = choice.getValue();
                if (row.status() == Analysed.Status.INVALID || row.status() == Analysed.Status.DUPLICATE) {
                    throw new ValidationFailed("choices", "row " + choice.getKey() + " cannot be chosen for");
                }
                if (movie != null
                        && !row.candidates().contains(movie)
                        && (catalogue == null || !catalogue.contains(movie))) {
                    throw new ValidationFailed("choices", "movie " + movie + " is not in the catalogue");
                }
                rows.set(at, row.choose(movie));
            }
            imports.saveRows(id, new Analysed.Rows(rows), counts(rows));
        });
    }

    long lastApplyMillis;

    /** Starts applying; applying an import that is applied or being applied does nothing. */
    void apply(long userId, long id) {
        HistoryImports.Stored stored = find(userId, id);
        if (stored.state().equals("DONE") || stored.state().equals("APPLYING")) {
            return;
        }
        if (!imports.move(userId, id, "PREVIEW", "APPLYING", now())) {
            throw new ImportInWrongState(find(userId, id).state(), "only an import in preview can be applied");
        }
        imports.progress(id, 0);
        try {
            workers.execute(() -> applyNow(userId, id));
        } catch (RejectedExecutionException e) {
            imports.progress(id, stored.counts().rows());
            imports.state(id, "PREVIEW", null, now());
            throw busy();
        }
    }

    private void applyNow(long userId, long id) {
        long started = System.nanoTime();
        try {
            Applied applied = java.util.Objects.requireNonNull(transaction.execute(status -> write(userId, id)));
            imports.state(id, "DONE", applied.message(), now());
        } catch (RuntimeException e) {
            log.warn("Import {} could not be applied", id, e);
            // Nothing was written: the import is back in its preview, whose analysis is whole.
            imports.progress(id, find(userId, id).counts().rows());
            imports.state(id, "PREVIEW", "Applying failed and nothing was changed; try again", now());
        } finally {
            lastApplyMillis = (System.nanoTime() - started) / 1_000_000;
        }
    }

    /** What applying did not do, for the member to read; null when it did everything. */
    private record Applied(@Nullable String message) {}

    /** Diary entries written in one go while applying, between two progress notes. */
    private static final int WRITE_CHUNK = 1000;

    /**
     * Everything the import adds, in the caller's transaction. Diary entries are written as the
     * rows are read, a chunk at a time, and the progress noted after each chunk (aside, so it
     * shows while the transaction is open); the rest follows, then the import's undo.
     */
    private Applied write(long userId, long id) {
        Instant now = now();
        Existing existing = existing(userId);
        List<Analysed.Row> all = imports.rows(id).rows();
        ImportProgress progress = new ImportProgress(
                all.size(), PROGRESS_EVERY, done -> aside.executeWithoutResult(status -> imports.progress(id, done)));
        int rowsPassed = 0;
        List<DiaryEntry> entries = new ArrayList<>();
        Map<Long, Analysed.Row> latestViewing = new HashMap<>();
        Map<Long, BigDecimal> ratedInFile = new LinkedHashMap<>();
        List<Long> toWatch = new ArrayList<>();
        List<Long> likes = new ArrayList<>();
        Map<String, List<Analysed.Row>> listed = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Analysed.Row row : all) {
            rowsPassed++;
            if (entries.size() >= WRITE_CHUNK) {
                diary.insertAll(entries);
                entries.clear();
                progress.advance(rowsPassed - progress.done() - 1);
            }
            Long movieId = row.movieId();
            if (row.status() != Analysed.Status.MATCHED || movieId == null) {
                continue;
            }
            if (existing.has(row.kind(), movieId, row.watchedOn(), row.score(), row.list())
                    || !seen.add(Existing.key(row.kind(), movieId, row.watchedOn(), row.score(), row.list()))) {
                continue;
            }
            switch (row.kind()) {
                case VIEWING -> {
                    LocalDate day =
                            row.watchedOn() != null ? row.watchedOn() : LocalDate.now(clock.withZone(ZoneOffset.UTC));
                    entries.add(new DiaryEntry(
                            0,
                            userId,
                            movieId,
                            day,
                            row.score(),
                            row.review(),
                            row.rewatch(),
                            row.tags(),
                            false,
                            now,
                            id));
                    if (row.score() != null) {
                        Analysed.Row before = latestViewing.get(movieId);
                        if (before == null || !day.isBefore(java.util.Objects.requireNonNull(before.watchedOn()))) {
                            latestViewing.put(movieId, row);
                        }
                    }
                }
                case RATING -> ratedInFile.put(movieId, java.util.Objects.requireNonNull(row.score()));
                case WATCHLIST -> toWatch.add(movieId);
                case LIKE -> likes.add(movieId);
                case LIST_ITEM -> {
                    ImportRow.ListPart list = java.util.Objects.requireNonNull(row.list());
                    listed.computeIfAbsent(ListImports.key(list.name()), key -> new ArrayList<>())
                            .add(row);
                }
            }
        }
        diary.insertAll(entries);
        // The rating: the file's rating of the movie, else its latest viewing's score.
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        latestViewing.forEach((movieId, row) -> scores.put(movieId, java.util.Objects.requireNonNull(row.score())));
        scores.putAll(ratedInFile);
        Map<Long, Analysed.PreviousRating> previous = new HashMap<>();
        List<RatingUpdates.ImportedScore> changes = new ArrayList<>();
        scores.forEach((movieId, score) -> {
            RatingUpdates.Previous before = existing.rated.get(movieId);
            if (before == null || before.score().compareTo(score) != 0) {
                previous.put(
                        movieId,
                        before == null
                                ? new Analysed.PreviousRating(null, null, null)
                                : new Analysed.PreviousRating(before.score(), before.review(), before.ratedAt()));
                changes.add(new RatingUpdates.ImportedScore(movieId, score, now));
            }
        });
        ratings.importScores(userId, changes, existing.rated);
        List<Long> added = toWatch.stream()
                .filter(movieId -> !existing.onWatchlist.contains(movieId))
                .distinct()
                .toList();
        watchlist.addAll(userId, added, now);
        diary.likeAll(userId, likes, id, now);
        List<ListImports.NewList> toMake = newLists(listed);
        // Lists made since the analysis count too: a member keeps at most MAX_LISTS.
        long room = Math.max(0, ListImports.MAX_LISTS - lists.countOf(userId));
        String message = null;
        if (toMake.size() > room) {
            message = (toMake.size() - room) + " of the file's lists were not made: a member keeps at most "
                    + ListImports.MAX_LISTS + " lists";
            toMake = toMake.subList(0, (int) room);
        }
        List<Long> listsAdded = lists.create(userId, toMake, now);
        // The last note before the undo is saved: that update holds the import's row until commit.
        progress.finish();
        imports.saveUndo(id, new Analysed.Undo(previous, added, listsAdded));
        return new Applied(message);
    }

    /** The lists to make: each list's movies by their place in it, within a list's limit. */
    private static List<ListImports.NewList> newLists(Map<String, List<Analysed.Row>> listed) {
        List<ListImports.NewList> made = new ArrayList<>();
        for (List<Analysed.Row> rows : listed.values()) {
            List<Analysed.Row> ordered = new ArrayList<>(rows);
            ordered.sort(java.util.Comparator.comparingInt(
                    row -> java.util.Objects.requireNonNull(row.list()).position()));
            ImportRow.ListPart first =
                    java.util.Objects.requireNonNull(ordered.get(0).list());
            List<ListImports.NewItem> items = ordered.stream()
                    .limit(ListImports.MAX_ITEMS)
                    .map(row -> new ListImports.NewItem(
                            java.util.Objects.requireNonNull(row.movieId()),
                            java.util.Objects.requireNonNull(row.list()).note()))
                    .toList();
            made.add(new ListImports.NewList(
                    first.name(), first.description(), first.ranked(), first.visibility(), items));
        }
        return made;
    }

    /** Removes exactly what the import added, and puts back ratings it changed. */
    void undo(long userId, long id) {
        transaction.executeWithoutResult(status -> {
            String state = imports.lockState(userId, id).orElseThrow(() -> new ImportNotFound(id));
            if (state.equals("UNDONE")) {
                return;
            }
            if (!state.equals("DONE")) {
                if (state.equals("APPLYING") || state.equals("ANALYSING")) {
                    throw new ImportInWrongState(state, "wait until it is done");
                }
                imports.state(id, "UNDONE", null, now());
                return;
            }
            Analysed.Undo undo = imports.undo(id);
            diary.removeImported(userId, id);
            watchlist.removeAll(userId, undo.watchlistAdded());
            if (undo.listsAdded() != null) {
                lists.removeAll(userId, undo.listsAdded());
            }
            Map<Long, java.util.Optional<RatingUpdates.Previous>> before = new HashMap<>();
            undo.ratings()
                    .forEach((movieId, previous) -> before.put(
                            movieId,
                            previous.score() == null
                                    ? java.util.Optional.empty()
                                    : java.util.Optional.of(new RatingUpdates.Previous(
                                            previous.score(),
                                            previous.review(),
                                            java.util.Objects.requireNonNull(previous.ratedAt())))));
            ratings.restore(userId, before);
            imports.state(id, "UNDONE", null, now());
        });
    }
}
