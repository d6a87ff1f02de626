package org.cinemates.preference.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Training runs at the lowest priority, on every thread it uses, and nothing else does. */
class TrainingThreadsTest {

    @Test
    void trainingAndEveryThreadItStartsRunAtTheLowestPriorityAndTheRestAsBefore() throws Exception {
        OptionalInt mine = niceOfThisThread();
        assumeThat(mine).as("the kernel tells a thread's nice value (Linux)").isPresent();

        Set<Integer> workers = ConcurrentHashMap.newKeySet();
        Set<String> names = ConcurrentHashMap.newKeySet();
        CompletableFuture<Integer> trainer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            TrainingThreads training = TrainingThreads.onThisThread(true);
            try {
                assertThat(training.lowered()).isTrue();
                int sum = training.run(() -> IntStream.range(0, 2_000)
                        .parallel()
                        .map(i -> {
                            workers.add(niceOfThisThread().orElse(-100));
                            names.add(Thread.currentThread().getName());
                            return busy(i);
                        })
                        .sum());
                assertThat(sum).isNotZero();
                trainer.complete(niceOfThisThread().orElse(-100));
            } catch (Throwable e) {
                trainer.completeExceptionally(e);
            } finally {
                training.shutdown();
            }
        });
        thread.start();
        thread.join(60_000);

        assertThat(trainer.get()).isEqualTo(TrainingThreads.LOWEST);
        assertThat(names).allMatch(name -> name.startsWith("ForkJoinPool-"));
        assertThat(workers).containsExactly(TrainingThreads.LOWEST);
        assertThat(niceOfThisThread()).isEqualTo(mine);
        // The common pool's threads, which requests may use, were not lowered.
        int common = CompletableFuture.supplyAsync(() -> niceOfThisThread().orElse(-100))
                .get();
        assertThat(common).isEqualTo(mine.getAsInt());
    }

    @Test
    void atTheNormalPriorityWhenAskedTo() throws Exception {
        OptionalInt mine = niceOfThisThread();
        assumeThat(mine).isPresent();
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            TrainingThreads training = TrainingThreads.onThisThread(false);
            try {
                nice.complete(training.run(() -> niceOfThisThread().orElse(-100)));
            } finally {
                training.shutdown();
            }
        });
        thread.start();
        thread.join(60_000);
        assertThat(nice.get()).isEqualTo(mine.getAsInt());
    }

    /** The calling thread's nice value, where the kernel tells it. */
    private static OptionalInt niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // After "pid (name) ": state is field 3; nice is field 19 of stat(5).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static int busy(int seed) {
        int x = seed;
        for (int k = 0; k < 10_000; k++) {
            x = x * 31 + k;
        }
        return x | 1;
    }
}
