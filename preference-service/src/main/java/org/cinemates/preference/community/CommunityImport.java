package org.cinemates.preference.community;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cinemates.platform.data.CopyRows;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.community.ImportStatus.ImportError;
import org.cinemates.preference.community.ImportStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports {@code ratings.csv} from the ratings folder as community ratings, once at start-up, on a
 * thread of its own. The file replaces the community ratings whole, in one transaction (COPY into a
 * staging table, then one insert), so importing the same file again
 * changes nothing; an unchanged file (same size, modification time and rows) is not read again.
 */
@Component
public class CommunityImport {

    private static final Logger log = LoggerFactory.getLogger(CommunityImport.class);

    static final String FILE = "ratings.csv";
    static final int MAX_REPORTED_ERRORS = 100;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final String ratingsDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "community-import");
        thread.setDaemon(true);
        return thread;
    });

    private final StatusBox status = new StatusBox();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    CommunityImport(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            PreferenceSettings settings,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.ratingsDir = settings.ratingsDir();
        Gauge.builder("cinemates.import.processed.rows", processed, AtomicLong::get)
                .tag("service", "preference-service")
                .register(meters);
        Gauge.builder("cinemates.import.total.rows", total, AtomicLong::get)
                .tag("service", "preference-service")
                .register(meters);
    }

    public ImportStatus status() {
        ImportStatus current = status.get();
        if (current.state() == State.RUNNING) {
            return new ImportStatus(
                    State.RUNNING,
                    processed.get(),
                    total.get(),
                    current.skipped(),
                    current.startedAt(),
                    null,
                    current.errors());
        }
        return current;
    }

    /** Whether an import is running now (training waits for it). */
    public boolean running() {
        return status.get().state() == State.RUNNING;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startUp() {
        Optional<Path> file = file();
        if (file.isEmpty()) {
            events.publishEvent(new CommunityRatingsImported(storedRows(), false));
            return;
        }
        status.set(new ImportStatus(State.RUNNING, 0, 0, 0, Instant.now(), null, List.of()));
        worker.execute(() -> importFile(file.get()));
    }

    private Optional<Path> file() {
        if (ratingsDir.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(ratingsDir).resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Imports {@code file} now, on the calling thread; the status tells how it went. */
    public ImportStatus importFile(Path file) {
        Instant started = Instant.now();
        processed.set(0);
        total.set(0);
        status.set(new ImportStatus(State.RUNNING, 0, 0, 0, started, null, List.of()));
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            long lines = countLines(file);
            long rows = Math.max(0, lines - (hasHeader(file) ? 1 : 0));
            total.set(rows);
            Optional<Long> unchanged = unchanged(size, modified, rows);
            if (unchanged.isPresent()) {
                processed.set(rows);
                log.info("Community ratings: {} unchanged since the last import ({} ratings)", file, unchanged.get());
                finish(new ImportStatus(State.DONE, rows, rows, 0, started, Instant.now(), List.of()));
                events.publishEvent(new CommunityRatingsImported(unchanged.get(), false));
                return status.get();
            }
            log.info("Community ratings: importing {} ({} rows)", file, rows);
            Outcome outcome = transactions.execute(tx -> load(file, size, modified, rows));
            if (outcome == null) {
                throw new IllegalStateException("the import transaction gave no outcome");
            }
            log.info(
                    "Community ratings: {} stored, {} bad rows skipped, in {} ms",
                    outcome.stored(),
                    outcome.skipped(),
                    java.time.Duration.between(started, Instant.now()).toMillis());
            finish(new ImportStatus(
                    State.DONE, processed.get(), rows, outcome.skipped(), started, Instant.now(), outcome.errors()));
            events.publishEvent(new CommunityRatingsImported(outcome.stored(), true));
        } catch (IOException | RuntimeException e) {
            log.error("Community ratings: the import of {} failed", file, e);
            ImportStatus current = status.get();
            finish(new ImportStatus(
                    State.FAILED,
                    processed.get(),
                    total.get(),
                    current.skipped(),
                    started,
                    Instant.now(),
                    List.of(new ImportError(0, String.valueOf(e.getMessage())))));
        }
        return status.get();
    }

    private void finish(ImportStatus done) {
        status.set(done);
    }

    private long storedRows() {
        return jdbc.sql("select count(*) from community_ratings")
                .query(Long.class)
                .single();
    }

    private Optional<Long> unchanged(long size, long modified, long rows) {
        return jdbc.sql("select file_size, modified_at, row_count from community_imports where id = 1")
                .query((rs, n) -> rs.getLong("file_size") == size
                        && rs.getLong("modified_at") == modified
                        && rs.getLong("row_count") == rows)
                .optional()
                .filter(same -> same)
                .map(same -> storedRows());
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static boolean hasHeader(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && isHeader(first);
        }
    }

    private static boolean isHeader(String line) {
        return line.startsWith("userId") || line.startsWith("\uFEFFuserId");
    }

    private record Outcome(long stored, long skipped, List<ImportError> errors) {}

    /** A good row: rater, movie, score in tenths-free half stars, seconds since the epoch. */
    record Row(long raterId, long movieId, double score, long timestamp) {}

    private Outcome load(Path file, long size, long modified, long rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            jdbc.sql("delete from community_ratings").update();
            long skipped = 0;
            List<ImportError> errors = new ArrayList<>();
            try (CopySink sink = new CopySink(connection);
                    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (number == 1 && isHeader(line)) {
                        continue;
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    processed.incrementAndGet();
                    try {
                        sink.add(parse(line));
                    } catch (IllegalArgumentException e) {
                        skipped++;
                        if (errors.size() < MAX_REPORTED_ERRORS) {
                            errors.add(new ImportError(number, String.valueOf(e.getMessage())));
                        }
                        if (skipped % 1000 == 1) {
                            ImportStatus current = status.get();
                            status.set(new ImportStatus(
                                    State.RUNNING, 0, 0, skipped, current.startedAt(), null, List.copyOf(errors)));
                        }
                    }
                }
            }
            // A later row for the same rater and movie wins.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        insert into community_ratings (rater_id, movie_id, score, rated_at)
                        select distinct on (rater_id, movie_id) rater_id, movie_id, score, to_timestamp(ts)
                        from community_staging
                        order by rater_id, movie_id, line desc
                        """);
            }
            jdbc.sql("delete from community_imports").update();
            long stored = storedRows();
            jdbc.sql("""
                            insert into community_imports (id, file_size, modified_at, row_count, imported_at)
                            values (1, :size, :modified, :rows, :now)
                            """)
                    .param("size", size)
                    .param("modified", modified)
                    .param("rows", rows)
                    .param("now", Timestamp.from(Instant.now()))
                    .update();
            return new Outcome(stored, skipped, List.copyOf(errors));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("storing community ratings failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * One line of MovieLens {@code ratings.csv}: {@code userId,movieId,rating,timestamp}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Row parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException(
                    "expected 4 fields (userId,movieId,rating,timestamp), found " + fields.length);
        }
        long rater = positive(fields[0].trim(), "userId");
        long movie = positive(fields[1].trim(), "movieId");
        double score;
        try {
            score = Double.parseDouble(fields[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rating is not a number: " + fields[2].trim());
        }
        if (!(score >= 0.5 && score <= 5.0) || score * 2 != Math.floor(score * 2)) {
            throw new IllegalArgumentException("rating must be 0.5 to 5 in half stars: " + fields[2].trim());
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(fields[3].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp is not a number: " + fields[3].trim());
        }
        return new Row(rater, movie, score, timestamp);
    }

    private static long positive(String text, String field) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + text);
        }
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be positive: " + text);
        }
        return value;
    }

    /** Good rows, by COPY (text format) into a staging table dropped at commit. */
    private static final class CopySink implements AutoCloseable {

        private final CopyRows copy;
        private long line;

        CopySink(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table community_staging (rater_id bigint, movie_id bigint,"
                        + " score numeric(2,1), ts bigint, line bigint) on commit drop");
            }
            this.copy = CopyRows.into(connection, "community_staging", "rater_id", "movie_id", "score", "ts", "line");
        }

        void add(Row row) throws SQLException {
            copy.write(row.raterId(), row.movieId(), row.score(), row.timestamp(), line++);
        }

        @Override
        public void close() throws SQLException {
            copy.close();
        }
    }

    /** The latest status, replaced whole. */
    private static final class StatusBox {
        private volatile ImportStatus value = ImportStatus.idle();

        ImportStatus get() {
            return value;
        }

        void set(ImportStatus status) {
            value = status;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
