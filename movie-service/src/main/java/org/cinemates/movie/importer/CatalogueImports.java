package org.cinemates.movie.importer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cinemates.movie.MovieSettings;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Starts imports, one at a time per instance (and, on PostgreSQL, one at a time across instances:
 * see {@link CatalogueMerge#lock()}), on a thread of their own so the service answers while it
 * imports. With {@code cinemates.movies.import.on-startup}, every start of the service imports the
 * configured catalogue; it starts before the web server, so the first status anyone reads is
 * already RUNNING.
 */
@Service
public class CatalogueImports implements SmartLifecycle {

    private final CatalogueImporter importer;
    private final ImportRuns runs;
    private final MovieSettings settings;
    private final AtomicBoolean importing = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "catalogue-import");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean started;

    CatalogueImports(CatalogueImporter importer, ImportRuns runs, MovieSettings settings) {
        this.importer = importer;
        this.runs = runs;
        this.settings = settings;
    }

    /** The source the settings name: the catalogue folder, or the sample in the jar. */
    public CatalogueSource configuredSource() {
        return CatalogueSource.of(settings.catalogueDir());
    }

    /**
     * Starts importing {@code source} in the background.
     *
     * @return the new run, RUNNING
     * @throws ImportAlreadyRunning when this instance is importing already
     */
    public ImportStatus startInBackground(CatalogueSource source) {
        claim();
        try {
            long runId = runs.start(source.name());
            worker.execute(() -> {
                try {
                    importer.run(runId, source);
                } finally {
                    importing.set(false);
                }
            });
            return runs.latest();
        } catch (RuntimeException e) {
            importing.set(false);
            throw e;
        }
    }

    /** Imports {@code source} in the calling thread; for tests and the benchmark. */
    public ImportStatus importNow(CatalogueSource source) {
        claim();
        try {
            importer.run(runs.start(source.name()), source);
            return runs.latest();
        } finally {
            importing.set(false);
        }
    }

    public ImportStatus status() {
        return runs.latest();
    }

    public boolean importing() {
        return importing.get();
    }

    private void claim() {
        if (!importing.compareAndSet(false, true)) {
            throw new ImportAlreadyRunning();
        }
    }

    @Override
    public void start() {
        started = true;
        if (settings.catalogueImport().onStartup()) {
            startInBackground(configuredSource());
        }
    }

    /** A running import is interrupted and rolled back; the next start imports again. */
    @Override
    public void stop() {
        started = false;
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Before the web server starts (and after it stops). */
    @Override
    public int getPhase() {
        return 0;
    }
}
