package org.cinemates.activity.log;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cinemates.activity.ActivitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The ids of the events accepted, so an event delivered again is recognised as a duplicate. */
@Repository
class EventLedger {

    private static final Logger log = LoggerFactory.getLogger(EventLedger.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ActivitySettings settings;

    EventLedger(JdbcTemplate jdbc, Clock clock, ActivitySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Records these event ids; for each, whether it is new. An id repeated within the list is new
     * only the first time. A concurrent transaction recording the same id makes this one wait for
     * it, then find the id known.
     */
    boolean[] record(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return new boolean[0];
        }
        Instant now = clock.instant();
        int[] counts = jdbc.batchUpdate(
                "insert into received_events (event_id, received_at) values (?, ?) on conflict do nothing",
                Sql.batch(eventIds, (ps, id) -> {
                    ps.setObject(1, id);
                    Sql.setTime(ps, 2, now);
                }));
        boolean[] fresh = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fresh[i] = counts[i] > 0;
        }
        return fresh;
    }

    /** Forgets event ids older than {@code cinemates.activities.ingest.remember-event-ids}. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldEventIds() {
        int forgotten = forgetBefore(clock.instant().minus(settings.ingest().rememberEventIds()));
        if (forgotten > 0) {
            log.info(
                    "Forgot {} event ids received more than {} ago",
                    forgotten,
                    settings.ingest().rememberEventIds());
        }
    }

    int forgetBefore(Instant before) {
        return jdbc.update("delete from received_events where received_at < ?", Sql.utc(before));
    }
}
