/**
 * Members' ratings and reviews of movies: one per member and movie, each change reported as an
 * event in the same transaction, and what a movie's raters (and a member's friends) think of it.
 */
@NullMarked
package org.cinemates.preference.rating;

import org.jspecify.annotations.NullMarked;
