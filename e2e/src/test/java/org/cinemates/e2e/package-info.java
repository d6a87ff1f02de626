/** End-to-end journeys through nginx against a running Cinemates. */
@NullMarked
package org.cinemates.e2e;

import org.jspecify.annotations.NullMarked;
