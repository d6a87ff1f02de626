package org.cinemates.recommender.model;

/** How a rating enters an item-item model: as "rated it", or weighted by how much it was liked. */
public enum Feedback {
    /** Every rating counts 1: what people choose to watch. */
    BINARY,
    /**
     * A rating of 4 or more counts 1, a lower one 0.25 (half a star) to 0.75 (3.5 stars): what people
     * watch, and a little more what they liked.
     */
    RATED;

    public float weight(float score) {
        if (this == BINARY || score >= 4f) {
            return 1f;
        }
        return 0.25f + 0.5f * Math.max(0f, score - 0.5f) / 3f;
    }
}
