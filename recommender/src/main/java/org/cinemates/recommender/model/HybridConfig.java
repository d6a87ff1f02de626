package org.cinemates.recommender.model;

/**
 * How the shipped model is trained and served.
 *
 * @param explicit the rating predictor (biased MF)
 * @param implicit the ranker (implicit ALS)
 * @param blend weight of the predicted rating (minus the user's constant part) in the ranking score
 *     {@code x_u·y_i + blend · (b_i + p_u·q_i)}
 * @param foldInFactorPrior ridge added to the rating predictor's factor penalty when folding a user in, so
 *     a profile of one or two ratings does not swing the prediction
 * @param foldInBiasPrior ridge on the user bias when folding in (like Surprise's 15 on user biases)
 */
public record HybridConfig(
        BiasedMf.Config explicit,
        ImplicitAls.Config implicit,
        float blend,
        float foldInFactorPrior,
        float foldInBiasPrior) {

    public static HybridConfig defaults() {
        return new HybridConfig(BiasedMf.Config.defaults(), ImplicitAls.Config.defaults(), 0.1f, 1f, 5f);
    }

    public HybridConfig withSeed(long seed) {
        return new HybridConfig(
                explicit.withSeed(seed), implicit.withSeed(seed + 1), blend, foldInFactorPrior, foldInBiasPrior);
    }
}
