package org.cinemates.recommender.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import org.cinemates.recommender.data.IdIndex;

/**
 * The binary form of a {@link HybridModel}: a magic number and format version, the metadata and
 * configuration, then the id maps and parameter arrays as length-prefixed little-endian blocks: 4 bytes
 * per parameter, the ranker's items × items weights being most of it. Version 2: the EASE ranker. Version 3:
 * the item neighbours (baseline item biases, their items, and their similarities as shorts) and the rating
 * blend's weights.
 */
final class ModelFile {

    static final int MAGIC = 0x434D5246; // "CMRF"
    static final int VERSION = 3;

    private static final int CHUNK = 1 << 16;

    private ModelFile() {}

    static void write(HybridModel model, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        ModelMetadata metadata = model.metadata();
        out.writeUTF(metadata.name());
        Instant trainedAt = metadata.trainedAt();
        out.writeLong(trainedAt.getEpochSecond());
        out.writeInt(trainedAt.getNano());
        out.writeInt(metadata.ratings());
        out.writeInt(metadata.users());
        out.writeInt(metadata.items());
        out.writeDouble(metadata.trainSeconds());
        Double holdout = metadata.holdoutRmse();
        out.writeBoolean(holdout != null);
        out.writeDouble(holdout == null ? 0 : holdout);

        HybridConfig config = model.config();
        BiasedMf.Config explicit = config.explicit();
        out.writeInt(explicit.factors());
        out.writeInt(explicit.epochs());
        out.writeFloat(explicit.learningRate());
        out.writeFloat(explicit.decay());
        out.writeFloat(explicit.regularization());
        out.writeFloat(explicit.biasRegularization());
        out.writeFloat(explicit.initDeviation());
        out.writeInt(explicit.blocks());
        out.writeLong(explicit.seed());
        Ease.Config ranker = config.ranker();
        out.writeInt(ranker.feedback().ordinal());
        out.writeInt(ranker.minRatings());
        out.writeInt(ranker.maxItems());
        out.writeInt(config.relevance().ordinal());
        out.writeFloat(config.foldInFactorPrior());
        out.writeFloat(config.foldInBiasPrior());
        out.writeLong(config.seed());

        writeLongs(out, model.users().toArray());
        writeLongs(out, model.items().toArray());
        out.writeFloat(model.mean());
        writeFloats(out, model.userBias());
        writeFloats(out, model.itemBias());
        writeFloats(out, model.userFactors());
        writeFloats(out, model.itemFactors());
        Neighbours neighbours = model.neighbours();
        out.writeFloat(neighbours.mean());
        writeFloats(out, neighbours.itemBias());
        writeInts(out, neighbours.items());
        writeShorts(out, neighbours.similarity());
        writeFloats(out, model.blend());
        out.writeDouble(model.lambda());
        writeInts(out, model.ranker().items());
        writeFloats(out, model.ranker().matrix());
        writeFloats(out, model.reranker().weights());
        writeInts(out, model.itemCounts());
        writeFloats(out, model.itemBayesian());
        writeInts(out, model.ratedOffsets());
        writeInts(out, model.ratedItems());
        writeFloats(out, model.ratedScores());
        out.writeInt(MAGIC);
        out.flush();
    }

    static HybridModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a Cinemates model file");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("Unsupported model file version " + version + " (this code reads " + VERSION + ")");
        }
        String name = in.readUTF();
        Instant trainedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        int ratings = in.readInt();
        int users = in.readInt();
        int items = in.readInt();
        double trainSeconds = in.readDouble();
        boolean hasHoldout = in.readBoolean();
        double holdout = in.readDouble();
        ModelMetadata metadata =
                new ModelMetadata(name, trainedAt, ratings, users, items, trainSeconds, hasHoldout ? holdout : null);

        BiasedMf.Config explicit = new BiasedMf.Config(
                in.readInt(),
                in.readInt(),
                in.readFloat(),
                in.readFloat(),
                in.readFloat(),
                in.readFloat(),
                in.readFloat(),
                in.readInt(),
                in.readLong());
        Ease.Config ranker = new Ease.Config(enumOf(Feedback.values(), in.readInt()), in.readInt(), in.readInt());
        Relevance relevance = enumOf(Relevance.values(), in.readInt());
        HybridConfig config =
                new HybridConfig(explicit, ranker, relevance, in.readFloat(), in.readFloat(), in.readLong());

        IdIndex userIds = IdIndex.of(readLongs(in));
        IdIndex itemIds = IdIndex.of(readLongs(in));
        float mean = in.readFloat();
        float[] userBias = readFloats(in);
        float[] itemBias = readFloats(in);
        float[] userFactors = readFloats(in);
        float[] itemFactors = readFloats(in);
        float neighbourMean = in.readFloat();
        float[] neighbourBias = readFloats(in);
        int[] neighbourItems = readInts(in);
        short[] neighbourSimilarity = readShorts(in);
        float[] blend = readFloats(in);
        double lambda = in.readDouble();
        int[] rankedItems = readInts(in);
        float[] rankerMatrix = readFloats(in);
        float[] rerankerWeights = readFloats(in);
        int[] itemCounts = readInts(in);
        float[] itemBayesian = readFloats(in);
        int[] ratedOffsets = readInts(in);
        int[] ratedItems = readInts(in);
        float[] ratedScores = readFloats(in);
        if (in.readInt() != MAGIC) {
            throw new IOException("Model file is damaged: no end marker");
        }
        try {
            int[] positions = new int[itemIds.size()];
            java.util.Arrays.fill(positions, -1);
            for (int k = 0; k < rankedItems.length; k++) {
                if (rankedItems[k] < 0 || rankedItems[k] >= positions.length) {
                    throw new IllegalArgumentException("ranked item " + rankedItems[k] + " out of range");
                }
                positions[rankedItems[k]] = k;
            }
            return new HybridModel(
                    metadata,
                    config,
                    userIds,
                    itemIds,
                    mean,
                    userBias,
                    itemBias,
                    userFactors,
                    itemFactors,
                    new Neighbours(neighbourMean, neighbourBias, neighbourItems, neighbourSimilarity),
                    blend,
                    new ItemItem(rankedItems, positions, rankerMatrix),
                    lambda,
                    new Reranker(rerankerWeights),
                    itemCounts,
                    itemBayesian,
                    ratedOffsets,
                    ratedItems,
                    ratedScores);
        } catch (IllegalArgumentException e) {
            throw new IOException("Model file is inconsistent: " + e.getMessage(), e);
        }
    }

    private static <E> E enumOf(E[] values, int ordinal) throws IOException {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("Model file is damaged: no setting " + ordinal);
        }
        return values[ordinal];
    }

    /** Copies {@code length} values from position {@code from} of an array to or from a little-endian buffer. */
    @FunctionalInterface
    private interface Chunk {
        void copy(ByteBuffer buffer, int from, int length);
    }

    /** A length-prefixed block of {@code count} values of {@code width} bytes, written a chunk at a time. */
    private static void writeBlock(DataOutputStream out, int count, int width, Chunk put) throws IOException {
        out.writeInt(count);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < count; from += CHUNK) {
            int length = Math.min(CHUNK, count - from);
            buffer.clear();
            put.copy(buffer, from, length);
            out.write(buffer.array(), 0, length * width);
        }
    }

    /** The values of a block whose length {@link #length} read: {@code count} values of {@code width} bytes. */
    private static void readBlock(DataInputStream in, int count, int width, Chunk get) throws IOException {
        byte[] bytes = new byte[CHUNK * width];
        for (int from = 0; from < count; from += CHUNK) {
            int length = Math.min(CHUNK, count - from);
            in.readFully(bytes, 0, length * width);
            get.copy(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), from, length);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        writeBlock(
                out,
                values.length,
                Float.BYTES,
                (b, from, length) -> b.asFloatBuffer().put(values, from, length));
    }

    private static void writeShorts(DataOutputStream out, short[] values) throws IOException {
        writeBlock(
                out,
                values.length,
                Short.BYTES,
                (b, from, length) -> b.asShortBuffer().put(values, from, length));
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        writeBlock(
                out,
                values.length,
                Integer.BYTES,
                (b, from, length) -> b.asIntBuffer().put(values, from, length));
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        writeBlock(
                out,
                values.length,
                Long.BYTES,
                (b, from, length) -> b.asLongBuffer().put(values, from, length));
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Model file is damaged: negative array length");
        }
        return length;
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[length(in)];
        readBlock(
                in,
                values.length,
                Float.BYTES,
                (b, from, length) -> b.asFloatBuffer().get(values, from, length));
        return values;
    }

    private static short[] readShorts(DataInputStream in) throws IOException {
        short[] values = new short[length(in)];
        readBlock(
                in,
                values.length,
                Short.BYTES,
                (b, from, length) -> b.asShortBuffer().get(values, from, length));
        return values;
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[length(in)];
        readBlock(
                in,
                values.length,
                Integer.BYTES,
                (b, from, length) -> b.asIntBuffer().get(values, from, length));
        return values;
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] values = new long[length(in)];
        readBlock(
                in,
                values.length,
                Long.BYTES,
                (b, from, length) -> b.asLongBuffer().get(values, from, length));
        return values;
    }
}
