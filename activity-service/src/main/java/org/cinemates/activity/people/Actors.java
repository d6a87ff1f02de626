package org.cinemates.activity.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinemates.activity.ActivitySettings;
import org.cinemates.platform.http.DependencyUnavailable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The names of the people activities mention, kept here so a feed page needs no call to
 * user-service. Names come from JOINED and PROFILE_UPDATED events; ids not known yet are fetched
 * from user-service in one call and stored.
 *
 * <p>Every feed page names people, so names read lately are kept in memory for the friend-ids TTL
 * (30 s), as visibilities are: a page of known names costs no query. Events received here evict
 * the names they change at once; a rename another instance received shows here within the TTL.
 */
@Repository
public class Actors {

    /** Longer names are cut to the column's length (user-service allows far less). */
    static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final UserDirectory directory;
    private final Clock clock;
    private final Cache<Long, Profile> recent;

    Actors(JdbcClient jdbc, JdbcTemplate template, UserDirectory directory, Clock clock, ActivitySettings settings) {
        this.jdbc = jdbc;
        this.template = template;
        this.directory = directory;
        this.clock = clock;
        ActivitySettings.Users users = settings.users();
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(users.friendIdsTtl())
                .maximumSize(users.namesMaxIds())
                .build();
    }

    /** Stores names that are newer than those known; returns how many were. Never for deleted accounts. */
    public int remember(List<NameChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        evict(changes.stream().map(NameChange::id).toList());
        int[] counts = template.batchUpdate(UPSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NameChange change = changes.get(i);
                ps.setLong(1, change.id());
                ps.setString(2, cut(change.username()));
                ps.setString(3, cut(change.displayName()));
                ps.setObject(
                        4,
                        OffsetDateTime.ofInstant(change.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
            }

            @Override
            public int getBatchSize() {
                return changes.size();
            }
        });
        int applied = 0;
        for (int count : counts) {
            applied += count > 0 ? 1 : 0;
        }
        return applied;
    }

    /** Forgets a member's names (their account was deleted). */
    public void forget(long id) {
        evict(List.of(id));
        jdbc.sql("delete from actors where id = :id").param("id", id).update();
    }

    /**
     * The profiles of these members: those read lately from memory, those known here, and the rest
     * from user-service, which are then stored. While user-service is down the rest are unknown and
     * the answer says it is incomplete.
     */
    public Profiles named(Collection<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return new Profiles(Map.of(), false);
        }
        Map<Long, Profile> found = new HashMap<>(recent.getAllPresent(wanted));
        if (found.size() == wanted.size()) {
            return new Profiles(found, false);
        }
        List<Long> unread = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        jdbc.sql("select id, username, display_name from actors where id in (:ids)")
                .param("ids", unread)
                .query((rs, row) -> new Profile(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(profile -> {
                    found.put(profile.id(), profile);
                    recent.put(profile.id(), profile);
                });
        List<Long> missing =
                unread.stream().filter(id -> !found.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return new Profiles(found, false);
        }
        try {
            Instant now = clock.instant();
            List<NameChange> fetched = new ArrayList<>();
            for (UserServiceApi.PublicProfile profile : directory.profiles(missing)) {
                String username = profile.username();
                if (username == null || !wanted.contains(profile.id())) {
                    continue;
                }
                String displayName = profile.displayName() != null ? profile.displayName() : username;
                fetched.add(new NameChange(profile.id(), username, displayName, now));
                found.put(profile.id(), new Profile(profile.id(), username, displayName));
            }
            remember(fetched);
            return new Profiles(found, false);
        } catch (DependencyUnavailable e) {
            return new Profiles(found, true);
        }
    }

    /**
     * Forgets these names in memory now and, inside a transaction, again once it is over: a page
     * read meanwhile may have read the names it replaces.
     */
    private void evict(List<Long> ids) {
        recent.invalidateAll(ids);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    recent.invalidateAll(ids);
                }
            });
        }
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static final String UPSERT = """
            insert into actors (id, username, display_name, known_at)
            select e.id, e.username, e.display_name, e.known_at
            from (values (?::bigint, ?::varchar, ?::varchar, ?::timestamptz)) as e (id, username, display_name, known_at)
            where not exists (select 1 from deleted_accounts d where d.user_id = e.id)
            on conflict (id) do update
            set username = excluded.username, display_name = excluded.display_name, known_at = excluded.known_at
            where actors.known_at < excluded.known_at
            """;
}
