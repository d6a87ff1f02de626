package org.cinemates.user.account;

/** What anyone may see of a member: never the email. */
public record PublicProfile(long id, String username, String displayName, String bio) {

    public static PublicProfile of(Account account) {
        return new PublicProfile(account.requireId(), account.username(), account.displayName(), account.bio());
    }
}
