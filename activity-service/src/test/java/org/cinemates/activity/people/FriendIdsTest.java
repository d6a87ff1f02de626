package org.cinemates.activity.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.cinemates.activity.ActivitySettings;
import org.cinemates.activity.FakeUserService;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Friend ids and names from user-service (a stand-in on a loopback port), cached and remembered. */
class FriendIdsTest {

    private FakeUserService users;
    private MutableClock clock;
    private UserDirectory directory;
    private FriendIds friendIds;

    @BeforeEach
    void start() {
        users = FakeUserService.start("token");
        clock = new MutableClock();
        directory = directory("token", Duration.ofSeconds(2));
        friendIds = new FriendIds(directory, settings(users.baseUrl(), Duration.ofSeconds(2)), localState());
    }

    @AfterEach
    void stop() {
        users.goDown();
    }

    /** No Redis: the instance keeps its last answers to itself. */
    private static org.cinemates.platform.shared.SharedState localState() {
        return new org.cinemates.platform.shared.SharedState(
                new org.cinemates.platform.shared.SharedStateSettings(
                        null, "cinemates:", Duration.ofMillis(250), Duration.ofSeconds(5)),
                java.time.Clock.systemUTC());
    }

    private static ActivitySettings settings(String url, Duration pause) {
        return new ActivitySettings(
                new ActivitySettings.Users(
                        URI.create(url),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        pause,
                        Duration.ofSeconds(30),
                        10_000,
                        10_000,
                        10_000),
                new ActivitySettings.Ingest(Duration.ofDays(30)));
    }

    private UserDirectory directory(String token, Duration pause) {
        return new UserDirectory(
                new ServiceClients(RestClient.builder(), token), settings(users.baseUrl(), pause), clock);
    }

    @Test
    void asksUserServiceOnceWhileTheAnswerIsFresh() {
        users.befriend(1, 2);
        users.befriend(1, 3);

        assertThat(friendIds.of(1).ids()).containsExactly(2L, 3L);
        assertThat(friendIds.of(1).ids()).containsExactly(2L, 3L);
        assertThat(users.friendIdCalls(1)).isEqualTo(1);

        users.befriend(1, 4);
        friendIds.befriended(1, 4);
        assertThat(friendIds.of(1).ids()).containsExactly(2L, 3L, 4L);
        assertThat(users.friendIdCalls(1)).isEqualTo(2);
    }

    @Test
    void aMemberUserServiceDoesNotKnowHasNoFriends() {
        assertThat(friendIds.of(404).isEmpty()).isTrue();
    }

    @Test
    void whileUserServiceIsDownTheLastAnswerServesAndSaysSo() {
        users.befriend(1, 2);
        assertThat(friendIds.of(1).lastKnown()).isFalse();
        users.goDown();
        friendIds.forget(1, 2);

        Friends friends = friendIds.of(1);

        assertThat(friends.ids()).containsExactly(2L);
        assertThat(friends.lastKnown()).isTrue();
        assertThatThrownBy(() -> friendIds.of(5)).isInstanceOf(DependencyUnavailable.class);
    }

    /** With Redis (the machine's, 127.0.0.1:6379), another instance answers from what this one learnt. */
    @Test
    void withSharedStateAnotherInstanceKnowsTheLastAnswer() {
        var redis = new org.cinemates.platform.shared.SharedState(
                new org.cinemates.platform.shared.SharedStateSettings(
                        "redis://127.0.0.1:6379",
                        "cinemates-test:" + java.util.UUID.randomUUID() + ":",
                        Duration.ofMillis(500),
                        Duration.ofSeconds(5)),
                java.time.Clock.systemUTC());
        try {
            var first = new FriendIds(directory, settings(users.baseUrl(), Duration.ofSeconds(2)), redis);
            var second = new FriendIds(directory, settings(users.baseUrl(), Duration.ofSeconds(2)), redis);
            users.befriend(7, 8);
            users.befriend(7, 9);
            assertThat(first.of(7).ids()).containsExactly(8L, 9L);
            users.goDown();

            Friends friends = second.of(7);

            assertThat(friends.ids()).containsExactly(8L, 9L);
            assertThat(friends.lastKnown()).isTrue();
            first.unfriended(7, 9);
            assertThat(second.of(7).ids()).containsExactly(8L);
        } finally {
            redis.destroy();
        }
    }

    @Test
    void theLastAnswerFollowsFriendshipsAndDeletedAccounts() {
        users.befriend(1, 2);
        users.befriend(1, 3);
        users.befriend(3, 4);
        friendIds.of(1);
        friendIds.of(3);
        users.goDown();

        friendIds.unfriended(1, 2);
        friendIds.befriended(5, 1);
        friendIds.accountDeleted(3);

        assertThat(friendIds.of(1).ids()).containsExactly(5L);
        assertThatThrownBy(() -> friendIds.of(3)).isInstanceOf(DependencyUnavailable.class);
    }

    @Test
    void afterAFailureUserServiceIsLeftAloneForAMoment() {
        users.befriend(1, 2);
        users.failWith(500);
        assertThatThrownBy(() -> directory.friendIds(1)).isInstanceOf(DependencyUnavailable.class);
        users.recover();

        assertThatThrownBy(() -> directory.friendIds(1)).isInstanceOf(DependencyUnavailable.class);
        assertThat(users.friendIdCalls(1)).as("not asked again yet").isZero();

        clock.advance(Duration.ofSeconds(3));
        assertThat(directory.friendIds(1)).containsExactly(2);
    }

    @Test
    void aRefusedServiceCredentialIsAnOutageNotAnEmptyAnswer() {
        users.befriend(1, 2);
        assertThatThrownBy(() -> directory("wrong-token", Duration.ZERO).friendIds(1))
                .isInstanceOf(DependencyUnavailable.class);
    }

    @Test
    void asksForNamesAtMostFiveHundredAtATime() {
        LongStream.rangeClosed(1, 1200).forEach(id -> users.join(id));

        List<UserServiceApi.PublicProfile> profiles =
                directory.profiles(LongStream.rangeClosed(1, 1201).boxed().toList());

        assertThat(profiles).hasSize(1200);
        assertThat(users.profileCalls()).isEqualTo(3);
        assertThat(profiles.get(0)).isEqualTo(new UserServiceApi.PublicProfile(1, "user1", "User 1"));
    }
}
