/**
 * Movies as movie-service knows them: whether a movie exists, and movies by id for lists, each
 * remembered for a while so lists and writes rarely need movie-service at all.
 */
@NullMarked
package org.cinemates.preference.catalog;

import org.jspecify.annotations.NullMarked;
