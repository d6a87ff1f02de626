/**
 * Likes and comments on activities: only on an activity the member may see (their own, a
 * friend's who shows it to friends, anyone's who shows it to everyone). The feed reads their counts
 * in the page's own query ({@link org.cinemates.activity.reaction.Reactions#countsFor}).
 */
@NullMarked
package org.cinemates.activity.reaction;

import org.jspecify.annotations.NullMarked;
