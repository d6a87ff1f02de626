package org.cinemates.activity.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

/** A logout or a deleted account in user-service reaches activity-service within seconds, without Redis. */
class RevokedTokensIT extends IntegrationTest {

    @Test
    void aLoggedOutSessionsTokenIsRefusedWithinSeconds() {
        long member = member();
        String session = UUID.randomUUID().toString();
        String ended = sessionToken(member, session);
        String other = sessionToken(member, UUID.randomUUID().toString());
        assertThat(api().get("/api/activities/feed").bearer(ended).send().status())
                .isEqualTo(200);

        USERS.revokeSession(session);

        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertProblem(
                        api().get("/api/activities/feed").bearer(ended).send(), 401));
        assertThat(api().get("/api/activities/feed").bearer(other).send().status())
                .as("the member's other sessions go on")
                .isEqualTo(200);
    }

    @Test
    void aDeletedMembersTokensAreRefusedWithinSeconds() {
        long member = member();
        String token = token(member);
        assertThat(api().get("/api/activities/feed").bearer(token).send().status())
                .isEqualTo(200);

        USERS.revokeMember(member);

        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertProblem(
                        api().get("/api/activities/feed").bearer(token).send(), 401));
    }

    private static String sessionToken(long member, String session) {
        return TestTokens.sign(
                TestTokens.claimsBuilder(member, "user" + member, List.of("USER"))
                        .claim("sid", session)
                        .build(),
                TOKENS.key(),
                "at+jwt");
    }
}
