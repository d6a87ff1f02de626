package org.cinemates.preference.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cinemates.platform.test.StatementCounter;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What recommendations read of members' ratings, and in how many queries. */
class MemberRatingsIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "preferences");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void aMembersRatingsAndWhatFriendsLikedComeInOneQuery() {
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        Member me = member("Me");
        Member ann = member("Ann");
        Member bob = member("Bob");
        Member far = member("Far");
        storeRating(me, 1, 4.5, at);
        storeRating(me, 2, 2.0, at);
        storeRating(ann, 10, 4.5, at);
        storeRating(ann, 11, 3.5, at);
        storeRating(bob, 10, 4.0, at);
        storeRating(bob, 12, 5.0, at);
        storeRating(far, 12, 4.0, at);
        StatementCounter statements = new StatementCounter(dataSource);
        MemberRatings ratings = new MemberRatings(JdbcClient.create(statements.dataSource()));

        Map<Long, Float> mine = new HashMap<>();
        assertThat(ratings.ofAndLikedBy(me.id(), mine::put, List.of(ann.id(), bob.id())))
                .isEqualTo(Map.of(10L, 2, 12L, 1))
                .isEqualTo(ratings.likedBy(List.of(ann.id(), bob.id())));
        assertThat(mine).isEqualTo(Map.of(1L, 4.5f, 2L, 2.0f));
        statements.take();
        ratings.ofAndLikedBy(me.id(), (movie, score) -> {}, List.of(ann.id(), bob.id()));
        assertThat(statements.take()).as("statements").isOne();

        // More friends than one query takes: the rest are asked in more.
        List<Long> many = new ArrayList<>();
        for (long id = 900_000; many.size() < 1_200; id++) {
            many.add(id);
        }
        many.add(0, ann.id());
        many.add(far.id());
        mine.clear();
        assertThat(ratings.ofAndLikedBy(me.id(), mine::put, many)).isEqualTo(Map.of(10L, 1, 12L, 1));
        assertThat(mine).hasSize(2);

        mine.clear();
        assertThat(ratings.ofAndLikedBy(me.id(), mine::put, List.of())).isEmpty();
        assertThat(mine).hasSize(2);
    }
}
