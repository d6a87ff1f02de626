package org.cinemates.preference.account;

/** What user-service tells preference-service of a member's account. */
sealed interface AccountChange permits AccountDeleted, ProfileChanged {}
