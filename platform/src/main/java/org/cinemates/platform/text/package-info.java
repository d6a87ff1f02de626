/**
 * What a member may write, checked in one pass over the characters: lengths first, then plain
 * loops instead of regular expressions, so the time a check takes grows with the input's length
 * at most, and a too-long input costs no more than the limit.
 */
@NullMarked
package org.cinemates.platform.text;

import org.jspecify.annotations.NullMarked;
