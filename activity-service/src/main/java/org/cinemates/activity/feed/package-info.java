/**
 * What members read: their friends' feed and one member's activity, a page at a time with an
 * opaque cursor, with the people named.
 */
@NullMarked
package org.cinemates.activity.feed;

import org.jspecify.annotations.NullMarked;
