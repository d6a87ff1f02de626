package org.cinemates.preference.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ids of deleted accounts, kept for good: requests with their tokens are refused, and for a
 * while after a deletion its data is deleted again, so a write that raced the deletion (it passed
 * the check before the event arrived and committed after) does not survive. Every instance reads
 * the list again every few seconds, so a deletion handled by one reaches all.
 */
@Component
public class DeletedAccounts {

    /** How long after a deletion its data is swept again. */
    static final Duration SWEEP_FOR = Duration.ofMinutes(2);

    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    private volatile Instant readUpTo = Instant.EPOCH;

    DeletedAccounts(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public boolean isDeleted(long userId) {
        return deleted.contains(userId);
    }

    /** Records a deletion (inside the transaction that deletes the data); false if known already. */
    boolean record(long userId) {
        deleted.add(userId);
        return jdbc.sql("""
                        insert into deleted_accounts (user_id, deleted_at)
                        select :userId, :at where not exists (select 1 from deleted_accounts where user_id = :userId)
                        """)
                        .param("userId", userId)
                        .param("at", Timestamp.from(clock.instant()))
                        .update()
                > 0;
    }

    /** Learns the deletions other instances handled. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${cinemates.preferences.deleted-accounts-refresh:PT2S}")
    void refresh() {
        Instant now = clock.instant();
        deleted.addAll(jdbc.sql("select user_id from deleted_accounts where deleted_at >= ?")
                .param(Timestamp.from(readUpTo.minus(OVERLAP)))
                .query(Long.class)
                .list());
        readUpTo = now;
    }

    /** Deletes again what may have been written for recently deleted accounts meanwhile. */
    @Scheduled(fixedDelayString = "${cinemates.preferences.deleted-accounts-sweep:PT5S}")
    void sweep() {
        List<Long> recent = jdbc.sql("select user_id from deleted_accounts where deleted_at >= ?")
                .param(Timestamp.from(clock.instant().minus(SWEEP_FOR)))
                .query(Long.class)
                .list();
        for (long userId : recent) {
            transactions.executeWithoutResult(status -> events.publishEvent(new AccountDeleted(userId)));
        }
    }
}
