/** The baselines the shipped model is measured against: global mean, user and item biases, popularity, item-kNN. */
@NullMarked
package org.cinemates.recommender.baseline;

import org.jspecify.annotations.NullMarked;
