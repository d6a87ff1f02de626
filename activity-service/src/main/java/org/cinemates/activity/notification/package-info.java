/**
 * A member's notifications: friend requests and accepted requests, movies recommended to them
 * (from other services' events, through the outbox, so none is lost while this service is down),
 * and likes and comments on their activities (written here, with the like or comment).
 */
@NullMarked
package org.cinemates.activity.notification;

import org.jspecify.annotations.NullMarked;
