/**
 * Bringing a member's history in from Letterboxd, IMDb and Trakt, and taking it out again: files
 * are read with limits, matched against the catalogue in memory, shown for review, applied in one
 * transaction and undone exactly; the export is a ZIP of JSON and Letterboxd-format CSV.
 */
@NullMarked
package org.cinemates.preference.history;

import org.jspecify.annotations.NullMarked;
