package org.cinemates.platform.security;

import java.util.Set;

/**
 * The member a request acts for, taken from a verified access token. Controllers declare it as a
 * parameter; requests without a valid token never reach them.
 *
 * @param id the user id ({@code sub})
 * @param username the login name at the time the token was issued
 * @param roles granted roles, such as {@code USER} and {@code ADMIN}
 * @param accessToken the raw token, relayed on calls made on the member's behalf
 */
public record CurrentUser(long id, String username, Set<String> roles, String accessToken) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "CurrentUser[id=" + id + ", username=" + username + ", roles=" + roles + "]";
    }
}
