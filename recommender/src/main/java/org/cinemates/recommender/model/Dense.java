package org.cinemates.recommender.model;

import java.util.SplittableRandom;

/** Small dense linear algebra on row-major float matrices stored in flat arrays. */
final class Dense {

    /** Rows per task when summing over all rows: fixed, so parallel sums add up in the same order. */
    private static final int CHUNK = 4096;

    private Dense() {}

    static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        // Four accumulators let the CPU overlap the additions; the order is fixed, so results repeat.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 3 < length; k += 4) {
            s0 += a[aOffset + k] * b[bOffset + k];
            s1 += a[aOffset + k + 1] * b[bOffset + k + 1];
            s2 += a[aOffset + k + 2] * b[bOffset + k + 2];
            s3 += a[aOffset + k + 3] * b[bOffset + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[aOffset + k] * b[bOffset + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The dot product of two whole arrays of length {@code f}, using {@code scratch} (length f). The JIT
     * compiles loops over whole arrays into SIMD instructions, but not loops over slices at run-time
     * offsets, nor a float sum; so: element products in one vectorised loop, then eight running sums.
     * Hot loops copy the rows they work on into small buffers (one memory copy each) to get here.
     */
    static float dot(float[] a, float[] b, float[] scratch, int f) {
        for (int k = 0; k < f; k++) {
            scratch[k] = a[k] * b[k];
        }
        return sum(scratch, f);
    }

    /** Sum of the first {@code f} values, in a fixed order (eight interleaved partial sums). */
    static float sum(float[] values, int f) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int k = 0;
        for (; k + 7 < f; k += 8) {
            s0 += values[k];
            s1 += values[k + 1];
            s2 += values[k + 2];
            s3 += values[k + 3];
            s4 += values[k + 4];
            s5 += values[k + 5];
            s6 += values[k + 6];
            s7 += values[k + 7];
        }
        for (; k < f; k++) {
            s0 += values[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static double dot(double[] a, float[] b, int bOffset, int length) {
        double s0 = 0;
        double s1 = 0;
        int k = 0;
        for (; k + 1 < length; k += 2) {
            s0 += a[k] * b[bOffset + k];
            s1 += a[k + 1] * b[bOffset + k + 1];
        }
        for (; k < length; k++) {
            s0 += a[k] * b[bOffset + k];
        }
        return s0 + s1;
    }

    static double dot(double[] a, double[] b, int length) {
        double s = 0;
        for (int k = 0; k < length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    static float norm(float[] a, int offset, int length) {
        return (float) Math.sqrt(dot(a, offset, a, offset, length));
    }

    /** A rows × columns matrix of normal noise with the given deviation, from {@code seed}. */
    static float[] gaussian(int rows, int columns, double deviation, long seed) {
        float[] m = new float[rows * columns];
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < m.length; k++) {
            m[k] = (float) (gaussian(random) * deviation);
        }
        return m;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Mᵀ M of a rows × f matrix: f × f, row-major, summed in a fixed order whatever the thread count. */
    static double[] gram(float[] m, int rows, int f) {
        int chunks = (rows + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][];
        Parallel.forEach(chunks, 1, c -> {
            double[] g = new double[f * f];
            int end = Math.min(rows, (c + 1) * CHUNK);
            for (int row = c * CHUNK; row < end; row++) {
                int o = row * f;
                for (int a = 0; a < f; a++) {
                    double va = m[o + a];
                    if (va == 0) {
                        continue;
                    }
                    int ga = a * f;
                    for (int b = a; b < f; b++) {
                        g[ga + b] += va * m[o + b];
                    }
                }
            }
            partial[c] = g;
        });
        double[] gram = new double[f * f];
        for (double[] g : partial) {
            for (int k = 0; k < gram.length; k++) {
                gram[k] += g[k];
            }
        }
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * f + b] = gram[b * f + a];
            }
        }
        return gram;
    }

    /**
     * Solves {@code A x = b} for a symmetric positive definite f × f {@code A} (overwritten by its Cholesky
     * factor) into {@code x}. Returns false when {@code A} is not positive definite.
     */
    static boolean choleskySolve(double[] a, double[] b, double[] x, int f) {
        for (int j = 0; j < f; j++) {
            double d = a[j * f + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * f + k] * a[j * f + k];
            }
            if (!(d > 0)) {
                return false;
            }
            d = Math.sqrt(d);
            a[j * f + j] = d;
            for (int i = j + 1; i < f; i++) {
                double s = a[i * f + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * f + k] * a[j * f + k];
                }
                a[i * f + j] = s / d;
            }
        }
        for (int i = 0; i < f; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * f + k] * x[k];
            }
            x[i] = s / a[i * f + i];
        }
        for (int i = f - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < f; k++) {
                s -= a[k * f + i] * x[k];
            }
            x[i] = s / a[i * f + i];
        }
        return true;
    }
}
