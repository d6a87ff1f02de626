package org.cinemates.recommender.model;

import org.cinemates.recommender.data.Ratings;

/** The shipped algorithm: trains a {@link HybridModel}. */
public final class CinematesHybrid implements Algorithm {

    public static final String NAME = "cinemates-hybrid";

    private final HybridConfig config;

    public CinematesHybrid() {
        this(HybridConfig.defaults());
    }

    public CinematesHybrid(HybridConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HybridModel fit(Ratings training) {
        return HybridModel.train(training, config);
    }
}
