/**
 * The algorithm contract and the shipped model: a hybrid of a biased matrix factorisation (rating
 * prediction) and EASE on rating-weighted input with a learned re-ranker (ranking, similar items, reasons), with fold-in for new
 * ratings and a compact binary file format.
 */
@NullMarked
package org.cinemates.recommender.model;

import org.jspecify.annotations.NullMarked;
