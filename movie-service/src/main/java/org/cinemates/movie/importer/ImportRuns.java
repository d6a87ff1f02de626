package org.cinemates.movie.importer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of import runs, shared by every instance. Writes commit at once, in transactions of
 * their own, so progress is visible while the import's own transaction is still open.
 */
@Repository
class ImportRuns {

    /** Runs kept; older ones are deleted when a new one starts. */
    private static final int KEPT = 20;

    private static final int MAX_MESSAGE = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ImportRuns(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** @return the new run's id */
    long start(String source) {
        Long id = ownTransaction.execute(status -> {
            var key = new GeneratedKeyHolder();
            jdbc.sql("insert into catalogue_imports (state, source, started_at) values (:state, :source, :now)")
                    .param("state", ImportStatus.RUNNING)
                    .param("source", truncate(source, 200))
                    .param("now", Timestamp.from(now()))
                    .update(key, "id");
            return Objects.requireNonNull(key.getKeyAs(Long.class), "the database makes the id");
        });
        return Objects.requireNonNull(id);
    }

    /**
     * Called by the run that holds the import lock: any other run still RUNNING was left so by a
     * process that died, and is marked FAILED; runs beyond the newest {@value #KEPT} are forgotten.
     */
    void takeOver(long current) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            update catalogue_imports set state = :failed, finished_at = :now,
                                error = 'Interrupted before it finished (the service stopped)'
                            where state = :running and id <> :current
                            """)
                    .param("failed", ImportStatus.FAILED)
                    .param("running", ImportStatus.RUNNING)
                    .param("now", Timestamp.from(now()))
                    .param("current", current)
                    .update();
            jdbc.sql("delete from catalogue_imports where id <= :current - :kept")
                    .param("current", current)
                    .param("kept", KEPT)
                    .update();
        });
    }

    void progress(long id, ImportReport report) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        update catalogue_imports set state = :running, processed = :processed, total = :total,
                            skipped = :skipped
                        where id = :id
                        """)
                .param("running", ImportStatus.RUNNING)
                .param("processed", report.processed())
                .param("total", report.total())
                .param("skipped", report.skipped())
                .param("id", id)
                .update());
    }

    void finish(long id, ImportReport report, String state, @Nullable String error) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            update catalogue_imports set state = :state, processed = :processed, total = :total,
                                skipped = :skipped, inserted = :inserted, updated = :updated,
                                finished_at = :now, error = :error
                            where id = :id
                            """)
                    .param("state", state)
                    .param("processed", report.processed())
                    .param("total", Math.max(report.total(), report.processed()))
                    .param("skipped", report.skipped())
                    .param("inserted", report.inserted())
                    .param("updated", report.updated())
                    .param("now", Timestamp.from(now()))
                    .param("error", error != null ? truncate(error, 1000) : null)
                    .param("id", id)
                    .update();
            int position = 0;
            for (ImportReport.FileCounts file : report.files()) {
                jdbc.sql("""
                                insert into catalogue_import_files (import_id, position, name, rows_read, skipped)
                                values (:id, :position, :name, :rows, :skipped)
                                """)
                        .param("id", id)
                        .param("position", position++)
                        .param("name", file.name())
                        .param("rows", file.rows())
                        .param("skipped", file.skipped())
                        .update();
            }
            position = 0;
            for (ImportReport.RowError row : report.errors()) {
                jdbc.sql("""
                                insert into catalogue_import_errors (import_id, position, file, line, message)
                                values (:id, :position, :file, :line, :message)
                                """)
                        .param("id", id)
                        .param("position", position++)
                        .param("file", row.file())
                        .param("line", row.line())
                        .param("message", truncate(row.message(), MAX_MESSAGE))
                        .update();
            }
        });
    }

    ImportStatus latest() {
        List<ImportStatus> runs = jdbc.sql("""
                        select id, state, source, processed, total, skipped, inserted, updated, started_at,
                            finished_at, error
                        from catalogue_imports order by id desc limit 1
                        """)
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new ImportStatus(
                            id,
                            rs.getString("state"),
                            rs.getString("source"),
                            rs.getLong("processed"),
                            rs.getLong("total"),
                            rs.getLong("skipped"),
                            rs.getLong("inserted"),
                            rs.getLong("updated"),
                            rs.getTimestamp("started_at").toInstant(),
                            finished != null ? finished.toInstant() : null,
                            rs.getString("error"),
                            List.of(),
                            List.of());
                })
                .list();
        if (runs.isEmpty()) {
            return ImportStatus.none();
        }
        ImportStatus run = runs.get(0);
        List<ImportStatus.FileCounts> files = jdbc.sql("""
                        select name, rows_read, skipped from catalogue_import_files
                        where import_id = :id order by position
                        """)
                .param("id", run.id())
                .query((rs, row) -> new ImportStatus.FileCounts(
                        rs.getString("name"), rs.getLong("rows_read"), rs.getLong("skipped")))
                .list();
        List<ImportStatus.RowError> errors = jdbc.sql("""
                        select file, line, message from catalogue_import_errors
                        where import_id = :id order by position
                        """)
                .param("id", run.id())
                .query((rs, row) -> {
                    long line = rs.getLong("line");
                    return new ImportStatus.RowError(
                            rs.getString("file"), rs.wasNull() ? null : line, rs.getString("message"));
                })
                .list();
        return new ImportStatus(
                run.id(),
                run.state(),
                run.source(),
                run.processed(),
                run.total(),
                run.skipped(),
                run.inserted(),
                run.updated(),
                run.startedAt(),
                run.finishedAt(),
                run.error(),
                files,
                errors);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
