package org.cinemates.recommender.baseline;

import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Ease;
import org.cinemates.recommender.model.Feedback;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.Relevance;
import org.cinemates.recommender.model.Validation;

/**
 * EASE on binary input ({@code ease}) or on rating-weighted input ({@code ease-rated}: 1 for 4 stars or
 * more, 0.25–0.75 below), λ chosen on the validation split.
 */
public final class EaseBaseline implements Algorithm {

    private final Ease.Config config;
    private final Relevance relevance;
    private final long seed;

    public EaseBaseline(Ease.Config config, Relevance relevance, long seed) {
        this.config = config;
        this.relevance = relevance;
        this.seed = seed;
    }

    public static String name(Feedback feedback) {
        return feedback == Feedback.BINARY ? "ease" : "ease-rated";
    }

    /** The name of the dropout-emphasised variant (EDLAE) on the same input. */
    public static String emphasisedName(Feedback feedback) {
        return feedback == Feedback.BINARY ? "edlae" : "edlae-rated";
    }

    @Override
    public String name() {
        return config.emphasis() ? emphasisedName(config.feedback()) : name(config.feedback());
    }

    @Override
    public Predictor fit(Ratings training) {
        Ease.Tuned tuned = Ease.train(training, config, Validation.split(training, relevance, seed), message -> {});
        return ItemItemBaseline.predictor(training, tuned.all().weights(), config.feedback());
    }
}
