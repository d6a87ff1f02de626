/** Loading MovieLens-format CSV files into the catalogue, in the background and idempotently. */
@NullMarked
package org.cinemates.movie.importer;

import org.jspecify.annotations.NullMarked;
