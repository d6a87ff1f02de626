package org.cinemates.preference.recommendation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads training runs on, below the requests' priority: training uses every core for
 * minutes, and a request should not wait behind it. On Linux a thread's nice value is its own and
 * the threads it starts inherit it, so the trainer lowers its own (to 19, the lowest) before it
 * starts a fork-join pool of its own; the pool's workers, and those of any pool they start (EJML's),
 * are then as nice. When the machine is otherwise idle, training still has every core.
 *
 * <p>Where the nice value cannot be changed (not Linux, no {@code renice}), training runs at the
 * normal priority and says so once.
 */
final class TrainingThreads {

    private static final Logger log = LoggerFactory.getLogger(TrainingThreads.class);

    static final int LOWEST = 19;

    private final boolean lowered;
    private final ForkJoinPool pool;

    private TrainingThreads(boolean lowered) {
        this.lowered = lowered;
        this.pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    /** Lowers the calling thread's priority when {@code low}, and makes the pool from it. */
    static TrainingThreads onThisThread(boolean low) {
        return new TrainingThreads(low && lowerThisThread());
    }

    /** Whether training runs below the requests' priority. */
    boolean lowered() {
        return lowered;
    }

    /** Runs {@code work} on the training pool and waits for it. */
    <T> T run(Supplier<T> work) {
        return pool.submit(work::get).join();
    }

    void shutdown() {
        pool.shutdownNow();
    }

    private static boolean lowerThisThread() {
        String thread;
        try {
            thread = Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
        } catch (IOException | UnsupportedOperationException e) {
            log.info("Recommender: training runs at the normal priority (no thread ids to lower it by here)");
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(LOWEST), "-p", thread)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
            renice.destroyForcibly();
        } catch (IOException e) {
            // no renice here: said below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Recommender: training runs at the normal priority (renice could not lower it)");
        return false;
    }
}
