package org.cinemates.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cinemates.user.UserSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's admin setting ({@code CINEMATES_ADMINS}) names usernames; each is bound, the first
 * time the setting is read with it, to the account holding that name then, or to nobody. ADMIN
 * goes to that account only: whoever registers a listed name later, or re-registers a deleted
 * admin's name, is a different account and does not become admin. To make a later account admin,
 * an operator grants the role ({@code ./cinemates admin grant}).
 */
@Component
class ConfiguredAdmins {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAdmins.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UserSettings settings;
    private final Clock clock;
    /** Listed username to the account id it is bound to (absent: bound to nobody). */
    private final Map<String, Long> bound = new ConcurrentHashMap<>();

    ConfiguredAdmins(JdbcClient jdbc, TransactionTemplate transactions, UserSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void bindSetting() {
        bind(settings.admins());
    }

    /** Binds the names not bound yet and loads the bindings of all of them. */
    void bind(Collection<String> names) {
        transactions.executeWithoutResult(status -> {
            bound.clear();
            for (String listed : names) {
                String username = listed.trim().toLowerCase(Locale.ROOT);
                if (username.isEmpty()) {
                    continue;
                }
                Optional<Long> holder = jdbc.sql("select id from accounts where username = ?")
                        .param(username)
                        .query(Long.class)
                        .optional();
                jdbc.sql("""
                                insert into configured_admins (username, account_id, bound_at)
                                select :username, :account, :at
                                where not exists (select 1 from configured_admins where username = :username)
                                """)
                        .param("username", username)
                        .param("account", holder.orElse(null), java.sql.Types.BIGINT)
                        .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                        .update();
                Long account = jdbc.sql("select account_id from configured_admins where username = ?")
                        .param(username)
                        .query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
                        .single()
                        .orElse(null);
                if (account != null) {
                    bound.put(username, account);
                } else {
                    log.warn(
                            "Admin setting names '{}', which no account held when it was first read: not granted"
                                    + " (an operator can grant it with ./cinemates admin grant)",
                            username);
                }
            }
        });
    }

    boolean isAdmin(Account account) {
        Long holder = bound.get(account.username());
        return holder != null && holder == account.requireId();
    }
}
