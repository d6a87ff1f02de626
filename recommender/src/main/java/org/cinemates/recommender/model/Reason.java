package org.cinemates.recommender.model;

/**
 * A rated item that supports a recommendation, for "because you liked Heat (4.5★)".
 *
 * @param item the rated item's index
 * @param score the score the user gave it
 * @param support similarity to the recommended item × how much they liked it; higher is a better reason
 */
public record Reason(int item, float score, float support) {}
