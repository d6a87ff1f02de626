/**
 * Revoked sessions and members: recorded here, applied at once to this instance (and Redis when
 * there is one), and published on {@code /internal/revocations} for every other service to poll.
 */
@NullMarked
package org.cinemates.user.revocation;

import org.jspecify.annotations.NullMarked;
