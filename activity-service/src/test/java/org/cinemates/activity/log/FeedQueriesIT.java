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
import javax.sql.DataSource;
import org.cinemates.activity.IntegrationTest;
import org.cinemates.activity.reaction.Reactions;
import org.cinemates.platform.test.StatementCounter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every way of reading a page gives the same page, whatever the friends and the cursor; what a
 * page is read with comes in the same statement.
 */
class FeedQueriesIT extends IntegrationTest {

    @Autowired
    Activities activities;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void aPageComesWithItsLikesAndCommentsInOneStatement() throws Exception {
        long reader = member();
        long friend = member();
        long other = member();
        deliver(rated(friend, 1, 4.0, at(1)), rated(friend, 2, 3.0, at(2)), rated(other, 3, 5.0, at(3)));
        List<Activity> page = activities.page(List.of(friend, other), null, 10);
        assertThat(page).hasSize(3);
        long newest = page.get(0).id();
        long middle = page.get(1).id();
        jdbc.update(
                "insert into activity_likes (activity_id, user_id, liked_at) values (?, ?, now()), (?, ?, now()),"
                        + " (?, ?, now())",
                newest,
                reader,
                newest,
                friend,
                middle,
                other);
        jdbc.update(
                "insert into activity_comments (activity_id, author_id, text, created_at)"
                        + " values (?, ?, 'yes', now()), (?, ?, 'no', now())",
                middle,
                reader,
                middle,
                friend);

        StatementCounter statements = new StatementCounter(dataSource);
        Activities counted = new Activities(new JdbcTemplate(statements.dataSource()));
        // Full pages (a short one is asked again the exact way, see page()).
        for (Position cursor : java.util.Arrays.asList(null, page.get(0).position())) {
            statements.take();
            List<Beside.Row<Reactions.Counts>> rows =
                    counted.page(List.of(friend, other), cursor, 2, Reactions.countsFor(reader));
            assertThat(statements.take())
                    .as("statements prepared after %s", cursor)
                    .isOne();
            assertThat(rows)
                    .extracting(Beside.Row::activity)
                    .isEqualTo(activities.page(List.of(friend, other), cursor, 2));
        }

        assertThat(counted.page(List.of(friend, other), null, 10, Reactions.countsFor(reader)))
                .extracting(Beside.Row::beside)
                .containsExactly(
                        new Reactions.Counts(2, 0, true), new Reactions.Counts(1, 2, false), Reactions.Counts.NONE);
        assertThat(counted.page(List.of(other), null, 10, Reactions.countsFor(null)))
                .extracting(Beside.Row::beside)
                .as("a visitor liked nothing")
                .containsExactly(new Reactions.Counts(2, 0, false));
    }

    private static @Nullable Position last(List<Activity> page) {
        return page.isEmpty() ? null : page.get(page.size() - 1).position();
    }
}
