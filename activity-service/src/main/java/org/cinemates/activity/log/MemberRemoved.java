package org.cinemates.activity.log;

/**
 * A deleted account's activities are gone from the log. Published inside the transaction that
 * removes them, so what other features keep of the member (likes, comments) goes with them, or
 * nothing does.
 */
public record MemberRemoved(long memberId) {}
