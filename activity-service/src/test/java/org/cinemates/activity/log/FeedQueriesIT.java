package org.cinemates.activity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.batch;
import static org.cinemates.activity.Events.befriended;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.activity.Events.ratingDeleted;
import static org.cinemates.activity.Events.watchlisted;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cinemates.activity.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every way of reading a page gives the same page, whatever the friends and the cursor. */
class FeedQueriesIT extends IntegrationTest {

    @Autowired
    Activities activities;

    @Test
    void everyWayOfQueryingGivesThePagePlainQueryingGives() {
        Random random = new Random(7);
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add(member());
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long actor = members.get(random.nextInt(members.size()));
            // Few distinct moments, so many activities share one and the id decides.
            var at = at(random.nextInt(120));
            events.add(
                    switch (random.nextInt(3)) {
                        case 0 -> rated(actor, 1 + random.nextInt(50), 4.0, at);
                        case 1 -> watchlisted(actor, 1 + random.nextInt(50), at);
                        default -> befriended(actor, members.get(random.nextInt(members.size())), at);
                    });
        }
        for (int from = 0; from < events.size(); from += 200) {
            deliverBatch(batch(events.subList(from, from + 200)));
        }
        // Removals leave latest_activity later than the truth.
        List<Map<String, Object>> removals = new ArrayList<>();
        for (long member : members.subList(0, 10)) {
            for (int movie = 1; movie <= 50; movie++) {
                removals.add(ratingDeleted(member, movie, at(200)));
            }
        }
        deliverBatch(batch(removals));

        int compared = 0;
        for (int round = 0; round < 40; round++) {
            List<Long> friends = new ArrayList<>(members);
            java.util.Collections.shuffle(friends, random);
            friends = friends.subList(0, 2 + random.nextInt(members.size() - 2));
            int limit = 1 + random.nextInt(12);
            Position cursor = null;
            for (int page = 0; page < 6; page++) {
                List<Activity> expected = activities.query(Activities.FeedQuery.PLAIN, friends, cursor, limit);
                for (Activities.FeedQuery query : Activities.FeedQuery.values()) {
                    List<Activity> found = activities.query(query, friends, cursor, limit);
                    if (query == Activities.FeedQuery.LATEST && found.size() < limit) {
                        assertThat(found)
                                .as("%s is a beginning of the page", query)
                                .isEqualTo(expected.subList(0, found.size()));
                    } else {
                        assertThat(found)
                                .as("%s, limit %d, after %s", query, limit, cursor)
                                .isEqualTo(expected);
                    }
                }
                assertThat(activities.page(friends, cursor, limit)).isEqualTo(expected);
                compared++;
                if (expected.size() < limit) {
                    break;
                }
                cursor = last(expected);
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static @Nullable Position last(List<Activity> page) {
        return page.isEmpty() ? null : page.get(page.size() - 1).position();
    }
}
