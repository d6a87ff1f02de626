/**
 * Every service's OpenAPI description, made the same way: the public API only, how to
 * authenticate, and the problem answers each operation can give.
 */
@NullMarked
package org.cinemates.platform.docs;

import org.jspecify.annotations.NullMarked;
