/**
 * Calls to other Cinemates services: each through its own circuit breaker and time limit, so a
 * slow or dead dependency costs at most its timeout, and nothing at all once its breaker is open.
 */
@NullMarked
package org.cinemates.preference.remote;

import org.jspecify.annotations.NullMarked;
