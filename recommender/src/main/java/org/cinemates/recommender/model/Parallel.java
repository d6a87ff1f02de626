package org.cinemates.recommender.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs a loop body for every index on all cores of the current fork-join pool, handing out small runs of
 * indexes on demand. Parallel streams split a range into a few fixed pieces up front, which leaves one
 * core working alone when the costly rows (popular items, heavy users) sit together; here every worker
 * takes the next run as soon as it is free. Results do not depend on which worker ran what as long as
 * each index writes only its own outputs.
 */
public final class Parallel {

    private Parallel() {}

    public static void forEach(int count, int grain, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        int step = Math.max(1, grain);
        int workers = (ForkJoinTask.inForkJoinPool()
                        ? ForkJoinTask.getPool().getParallelism()
                        : ForkJoinPool.getCommonPoolParallelism())
                + 1;
        IntStream.range(0, Math.max(1, Math.min(workers, (count + step - 1) / step)))
                .parallel()
                .forEach(worker -> {
                    int from;
                    while ((from = next.getAndAdd(step)) < count) {
                        int to = Math.min(count, from + step);
                        for (int index = from; index < to; index++) {
                            body.accept(index);
                        }
                    }
                });
    }
}
