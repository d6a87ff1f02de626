package org.cinemates.recommender.model;

import java.util.function.IntPredicate;

/** Picks the best-scored items without sorting all of them. */
public final class TopN {

    private TopN() {}

    /**
     * The indexes of the {@code n} highest scores, best first, skipping indexes {@code excluded} accepts
     * and NaN scores; ties go to the lower index, so results are reproducible.
     */
    public static int[] select(float[] scores, int n, IntPredicate excluded) {
        if (n <= 0) {
            return new int[0];
        }
        // A min-heap of the best so far: the root is the weakest kept item.
        int[] heap = new int[n];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            float score = scores[item];
            if (Float.isNaN(score)) {
                continue;
            }
            if (size < n) {
                if (excluded.test(item)) {
                    continue;
                }
                heap[size] = item;
                siftUp(heap, size, scores);
                size++;
            } else if (better(item, heap[0], scores)) {
                if (excluded.test(item)) {
                    continue;
                }
                heap[0] = item;
                siftDown(heap, size, scores);
            }
        }
        int[] best = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            best[k] = heap[0];
            heap[0] = heap[k];
            siftDown(heap, k, scores);
        }
        return best;
    }

    /** Whether {@code a} ranks before {@code b}. */
    private static boolean better(int a, int b, float[] scores) {
        float sa = scores[a];
        float sb = scores[b];
        return sa > sb || (sa == sb && a < b);
    }

    private static void siftUp(int[] heap, int at, float[] scores) {
        int item = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(heap[parent], item, scores)) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = item;
    }

    private static void siftDown(int[] heap, int size, float[] scores) {
        if (size == 0) {
            return;
        }
        int item = heap[0];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!better(item, heap[child], scores)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = item;
    }
}
