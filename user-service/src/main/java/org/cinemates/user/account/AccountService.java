package org.cinemates.user.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.events.Joined;
import org.cinemates.platform.events.ProfileUpdated;
import org.cinemates.platform.outbox.Outbox;
import org.cinemates.user.revocation.RevocationLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/** Accounts: joining, signing in, profiles and leaving. */
@Service
public class AccountService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Outbox outbox;
    private final ConfiguredAdmins admins;
    private final PasswordAttempts attempts;
    private final RevocationLog revocations;
    private final Clock clock;
    /**
     * Checked against when nobody has the login, so that case costs as much as a wrong password.
     * Made when first needed, not while the service starts: a hash takes 19 MiB, which the heap
     * of a service that has only just started would keep long after.
     */
    private final Supplier<String> decoyHash;

    AccountService(
            Accounts accounts,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            Outbox outbox,
            ConfiguredAdmins admins,
            PasswordAttempts attempts,
            RevocationLog revocations,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.outbox = outbox;
        this.admins = admins;
        this.attempts = attempts;
        this.revocations = revocations;
        this.clock = clock;
        this.decoyHash = SingletonSupplier.of(() -> hash("decoy password never used by anyone"));
    }

    /**
     * @param username 3-30 characters of {@code a-z 0-9 _ . -}, any case
     * @param displayName shown instead of the username; the username when absent
     */
    public record NewAccount(
            String username,
            String email,
            String password,
            @Nullable String displayName) {}

    @Transactional
    public Account register(NewAccount request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        policy.check(request.password(), username, email);
        if (accounts.existsByUsername(username)) {
            throw new UsernameTaken(username);
        }
        if (accounts.existsByEmail(email)) {
            throw new EmailTaken();
        }
        String displayName =
                request.displayName() == null || request.displayName().isBlank()
                        ? username
                        : request.displayName().trim();
        Account account = accounts.save(Account.create(username, email, displayName, hash(request.password()), now()));
        outbox.append(new Joined(account.requireId(), username, displayName));
        return account;
    }

    /** The account a login (username or email, any case) names, if any. */
    public Optional<Account> findByLogin(String login) {
        String normalized = login.trim().toLowerCase(Locale.ROOT);
        return normalized.contains("@") ? accounts.findByEmail(normalized) : accounts.findByUsername(normalized);
    }

    /**
     * Whether {@code password} is the account's; takes the same time when there is no account.
     * Hashes made with older settings are upgraded on success.
     */
    @Transactional
    public boolean passwordMatches(@Nullable Account account, String password) {
        if (account == null) {
            passwords.matches(password, decoyHash.get());
            return false;
        }
        if (!passwords.matches(password, account.passwordHash())) {
            return false;
        }
        if (passwords.upgradeEncoding(account.passwordHash())) {
            accounts.save(account.withPasswordHash(hash(password), now()));
        }
        return true;
    }

    public Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> new UserNotFound(id));
    }

    /** The account behind a valid token; gone means the token's owner left meanwhile. */
    public Account current(long id) {
        return accounts.findById(id).orElseThrow(AccountGone::new);
    }

    public boolean exists(long id) {
        return accounts.existsById(id);
    }

    public Set<String> roles(Account account) {
        Set<String> roles = new LinkedHashSet<>(account.roleSet());
        if (admins.isAdmin(account)) {
            roles.add("ADMIN");
        }
        return roles;
    }

    /** Roles an operator can grant; USER is every member's. */
    public static final Set<String> GRANTABLE_ROLES = Set.of("ADMIN");

    /**
     * Grants or revokes a role. Tokens carry roles, so the change reaches a member's requests with
     * the next token (a refresh or a new login).
     */
    @Transactional
    public Account changeRole(String username, String role, boolean granted) {
        if (!GRANTABLE_ROLES.contains(role)) {
            throw new org.cinemates.platform.web.ValidationFailed("role", "must be one of " + GRANTABLE_ROLES);
        }
        Account account = accounts.findByUsername(username.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFound(username));
        Set<String> roles = new LinkedHashSet<>(account.roleSet());
        boolean changed = granted ? roles.add(role) : roles.remove(role);
        return changed ? accounts.save(account.withRoles(roles, now())) : account;
    }

    @Transactional
    public Account updateProfile(
            long id, @Nullable String displayName, @Nullable String bio, @Nullable Visibility visibility) {
        Account account = current(id);
        String newName = displayName != null ? displayName.trim() : account.displayName();
        String newBio = bio != null ? bio.strip() : account.bio();
        Visibility newVisibility = visibility != null ? visibility : account.visibility();
        Account saved = accounts.save(account.withProfile(newName, newBio, newVisibility, now()));
        // A new visibility is told too: services that keep who may see what ask again.
        if (!newName.equals(account.displayName()) || newVisibility != account.visibility()) {
            outbox.append(new ProfileUpdated(id, account.username(), newName));
        }
        return saved;
    }

    /**
     * Deletes the account with its sessions, friendships and requests; its access tokens stop
     * working in every service.
     *
     * @param client the caller's address, for throttling the password check
     */
    @Transactional
    public void delete(long id, String password, String client) {
        Account account = current(id);
        confirmPassword(account, password, client);
        accounts.deleteById(id);
        outbox.append(new AccountDeleted(id));
        revocations.revokeMember(id);
    }

    /**
     * Changes the password, after checking the current one (throttled like logins). Ending the
     * member's other sessions is the caller's business.
     */
    @Transactional
    public void changePassword(long id, String currentPassword, String newPassword, String client) {
        Account account = current(id);
        confirmPassword(account, currentPassword, client);
        policy.check(newPassword, account.username(), account.email());
        accounts.save(account.withPasswordHash(hash(newPassword), now()));
    }

    private void confirmPassword(Account account, String password, String client) {
        String key = PasswordAttempts.accountKey(account.requireId());
        attempts.take(key, client);
        if (!passwords.matches(password, account.passwordHash())) {
            throw new WrongPassword();
        }
        attempts.succeeded(key, client);
    }

    public List<PublicProfile> search(String query, int limit) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return accounts.search(q, escaped + "%", "%" + escaped + "%", limit).stream()
                .map(PublicProfile::of)
                .toList();
    }

    /** Public profiles by id; unknown ids are left out. */
    public Map<Long, PublicProfile> profiles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(ids).stream()
                .map(PublicProfile::of)
                .collect(Collectors.toMap(PublicProfile::id, Function.identity()));
    }

    /** The accounts with these ids; unknown ids are left out. */
    public Map<Long, Account> accountsIn(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(ids).stream().collect(Collectors.toMap(Account::requireId, Function.identity()));
    }

    private String hash(String password) {
        return java.util.Objects.requireNonNull(passwords.encode(password), "encoders hash every non-null password");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
