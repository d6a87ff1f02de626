package org.cinemates.recommender.model;

/** An item index with its ranking score (for recommendations) or similarity (for similar items). */
public record ScoredItem(int item, float score) {}
