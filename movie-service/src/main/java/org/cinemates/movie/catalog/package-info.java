/** The catalogue as members see it: movies, search, genres, and the edits admins make. */
@NullMarked
package org.cinemates.movie.catalog;

import org.jspecify.annotations.NullMarked;
