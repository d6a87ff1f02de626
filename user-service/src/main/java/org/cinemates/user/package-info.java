/** user-service: accounts, sessions, signing keys and friendships. */
@NullMarked
package org.cinemates.user;

import org.jspecify.annotations.NullMarked;
