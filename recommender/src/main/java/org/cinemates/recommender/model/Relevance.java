package org.cinemates.recommender.model;

/** Which held-out ratings count as a hit when ranking is measured (and tuned). */
public enum Relevance {
    /** Held-out ratings of 4 stars or more: a movie the member watched and liked. */
    LIKED,
    /** Every held-out rating: a movie the member chose to watch. */
    ALL;

    public boolean relevant(float score) {
        return this == ALL || score >= 4f;
    }

    /** {@code 4} or {@code all}, as the evaluation's {@code --relevant} option names them. */
    public static Relevance parse(String text) {
        return switch (text) {
            case "4" -> LIKED;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("--relevant must be 4 or all: " + text);
        };
    }

    public String label() {
        return this == LIKED ? "held-out ratings >= 4 relevant" : "every held-out rating relevant";
    }
}
