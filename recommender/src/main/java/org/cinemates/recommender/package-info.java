/**
 * The collaborative-filtering core of Cinemates recommendations: ratings loading ({@code data}), the
 * shipped hybrid model and its serving API ({@code model}), the baselines it is measured against
 * ({@code baseline}) and the offline evaluation ({@code evaluation}). A plain library: no framework and no
 * runtime dependencies.
 */
@NullMarked
package org.cinemates.recommender;

import org.jspecify.annotations.NullMarked;
