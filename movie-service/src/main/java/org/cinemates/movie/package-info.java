/** movie-service: the movie catalogue, its search, its edits and its MovieLens import. */
@NullMarked
package org.cinemates.movie;

import org.jspecify.annotations.NullMarked;
