package org.cinemates.user.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member's account. Username and email are stored lower-case, which makes them unique without
 * regard to case.
 */
@Table("accounts")
public record Account(
        @Id @Nullable Long id,
        String username,
        String email,
        String displayName,
        String bio,
        String passwordHash,
        String roles,
        Visibility visibility,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    static Account create(String username, String email, String displayName, String passwordHash, Instant now) {
        return new Account(
                null, username, email, displayName, "", passwordHash, "USER", Visibility.FRIENDS, now, now, null);
    }

    public long requireId() {
        if (id == null) {
            throw new IllegalStateException("Account is not saved yet");
        }
        return id;
    }

    public Set<String> roleSet() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    Account withProfile(String displayName, String bio, Visibility visibility, Instant now) {
        return new Account(
                id, username, email, displayName, bio, passwordHash, roles, visibility, createdAt, now, version);
    }

    Account withRoles(Set<String> newRoles, Instant now) {
        return new Account(
                id,
                username,
                email,
                displayName,
                bio,
                passwordHash,
                String.join(",", newRoles),
                visibility,
                createdAt,
                now,
                version);
    }

    Account withPasswordHash(String passwordHash, Instant now) {
        return new Account(
                id, username, email, displayName, bio, passwordHash, roles, visibility, createdAt, now, version);
    }
}
