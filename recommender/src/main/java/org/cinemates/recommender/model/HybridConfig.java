package org.cinemates.recommender.model;

/**
 * How the shipped model is trained and served.
 *
 * @param explicit the rating predictor (biased MF)
 * @param ranker the ranker (EASE on rating-weighted input with the session Gram matrix, over the most
 *     rated items)
 * @param relevance what the ranker's settings are tuned for on the validation split
 * @param foldInFactorPrior ridge added to the rating predictor's factor penalty when folding a user in, so
 *     a profile of one or two ratings does not swing the prediction
 * @param foldInBiasPrior ridge on the user bias when folding in (like Surprise's 15 on user biases)
 * @param seed seeds the validation split and the rating predictor
 */
public record HybridConfig(
        BiasedMf.Config explicit,
        Ease.Config ranker,
        Relevance relevance,
        float foldInFactorPrior,
        float foldInBiasPrior,
        long seed) {

    /** Items rated fewer times are not ranked: too little to learn from. */
    public static final int MIN_ITEM_RATINGS = 3;

    /**
     * The ranker covers at most this many (most rated) items: its closed form inverts an items × items
     * matrix, which costs items³. On ml-latest-small the 3,000 most rated cover every item a top 10 ever
     * shows (2,000 lose 1% of NDCG@10, 3,000 nothing measurable); it bounds training at any size.
     */
    public static final int MAX_RANKED_ITEMS = 3000;

    public static HybridConfig defaults() {
        return new HybridConfig(
                BiasedMf.Config.defaults(),
                new Ease.Config(Feedback.RATED, MIN_ITEM_RATINGS, MAX_RANKED_ITEMS, false, true),
                Relevance.LIKED,
                1f,
                5f,
                42);
    }

    public HybridConfig withSeed(long newSeed) {
        return new HybridConfig(
                explicit.withSeed(newSeed), ranker, relevance, foldInFactorPrior, foldInBiasPrior, newSeed);
    }

    public HybridConfig withRelevance(Relevance tunedFor) {
        return new HybridConfig(explicit, ranker, tunedFor, foldInFactorPrior, foldInBiasPrior, seed);
    }

    public HybridConfig withMaxRankedItems(int maxItems) {
        return new HybridConfig(
                explicit, ranker.withMaxItems(maxItems), relevance, foldInFactorPrior, foldInBiasPrior, seed);
    }
}
