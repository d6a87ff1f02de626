package org.cinemates.recommender.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a trained model was made from.
 *
 * @param name the algorithm
 * @param trainedAt when training finished
 * @param ratings ratings trained on
 * @param users users in the training data
 * @param items items in the training data
 * @param trainSeconds wall-clock training time
 * @param holdoutRmse RMSE on ratings held out of training, when it was measured
 */
public record ModelMetadata(
        String name,
        Instant trainedAt,
        int ratings,
        int users,
        int items,
        double trainSeconds,
        @Nullable Double holdoutRmse) {

    public ModelMetadata withHoldoutRmse(double rmse) {
        return new ModelMetadata(name, trainedAt, ratings, users, items, trainSeconds, rmse);
    }
}
