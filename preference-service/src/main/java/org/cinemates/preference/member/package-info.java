/**
 * A member's pages as others see them, for what has no package of its own to show it: their
 * diary (read through the diary package's API). Each asks the audience first.
 */
@NullMarked
package org.cinemates.preference.member;

import org.jspecify.annotations.NullMarked;
