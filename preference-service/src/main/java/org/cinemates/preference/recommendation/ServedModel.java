package org.cinemates.preference.recommendation;

import java.util.Arrays;
import org.cinemates.recommender.model.ContentModel;
import org.cinemates.recommender.model.HybridModel;

/**
 * A trained model with what serving needs precomputed at swap time: each item's ratings, average
 * and Bayesian average (community and member ratings together), and the items in order of the
 * Bayesian average, so a member without ratings costs one array copy.
 *
 * @param counts ratings of each item index
 * @param averages plain average of each item index (NaN without ratings)
 * @param bayesian Bayesian average of each item index, or NaN for items not suggested as popular
 *     (no ratings, or an average below the minimum)
 * @param content the genres and tags of the model's items, once movie-service told them (empty until then)
 */
record ServedModel(HybridModel model, int[] counts, float[] averages, float[] bayesian, ContentModel content) {

    /** Whether movie-service told the items' genres and tags yet (they may still be none). */
    boolean knowsContent() {
        return content != ContentModel.empty();
    }

    ServedModel withContent(ContentModel known) {
        return new ServedModel(model, counts, averages, bayesian, known);
    }

    static ServedModel of(
            HybridModel model, long[] movieIds, int[] counts, double[] sums, int priorWeight, float minAverage) {
        int items = model.itemCount();
        int[] itemCounts = new int[items];
        float[] itemAverages = new float[items];
        float[] itemBayesian = new float[items];
        Arrays.fill(itemAverages, Float.NaN);
        Arrays.fill(itemBayesian, Float.NaN);
        long total = 0;
        double sum = 0;
        for (int k = 0; k < movieIds.length; k++) {
            total += counts[k];
            sum += sums[k];
        }
        double mean = total == 0 ? 0 : sum / total;
        for (int k = 0; k < movieIds.length; k++) {
            int item = model.itemIndex(movieIds[k]).orElse(-1);
            if (item < 0 || counts[k] == 0) {
                continue;
            }
            double average = sums[k] / counts[k];
            itemCounts[item] = counts[k];
            itemAverages[item] = (float) average;
            if (average >= minAverage) {
                itemBayesian[item] = (float) ((sums[k] + priorWeight * mean) / (counts[k] + priorWeight));
            }
        }
        return new ServedModel(model, itemCounts, itemAverages, itemBayesian, ContentModel.empty());
    }
}
