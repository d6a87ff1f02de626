/**
 * Who may see what of a member's: their {@code visibility} (from user-service) against whoever
 * asks, the member, a friend, another member or a visitor without an account. Every page that
 * shows one member's data to another asks here first.
 */
@NullMarked
package org.cinemates.preference.audience;

import org.jspecify.annotations.NullMarked;
