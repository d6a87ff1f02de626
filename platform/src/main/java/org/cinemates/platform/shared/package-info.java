/**
 * State several instances of a service share in production mode (Redis): rate-limit buckets,
 * revoked tokens, caches another instance must see. Without Redis, or while it is unreachable,
 * each instance keeps working on its own local state and its health says so.
 */
@NullMarked
package org.cinemates.platform.shared;

import org.jspecify.annotations.NullMarked;
