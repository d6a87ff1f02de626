/**
 * What preference-service hears from user-service about accounts: a deleted account takes its
 * ratings, reviews and watchlist with it. Features listen for {@link
 * org.cinemates.preference.account.AccountDeleted}; this package knows none of them.
 */
@NullMarked
package org.cinemates.preference.account;

import org.jspecify.annotations.NullMarked;
