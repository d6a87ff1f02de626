/**
 * The diary: every viewing a member logs, with its own score, review, tags and rewatch flag, and
 * the member's year in numbers. The latest viewing's score is the member's rating of the movie,
 * written through the rating package in the same transaction.
 */
@NullMarked
package org.cinemates.preference.diary;

import org.jspecify.annotations.NullMarked;
