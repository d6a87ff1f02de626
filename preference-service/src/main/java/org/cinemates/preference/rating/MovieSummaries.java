package org.cinemates.preference.rating;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.community.CommunityScores;
import org.cinemates.preference.people.Member;
import org.cinemates.preference.people.People;
import org.cinemates.preference.people.Profile;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.preference.remote.RemoteCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What members, me and my friends think of a movie. */
@Service
class MovieSummaries {

    private final Ratings ratings;
    private final MovieCatalog catalog;
    private final People people;
    private final RemoteCalls remote;
    private final CommunityScores community;

    MovieSummaries(
            Ratings ratings, MovieCatalog catalog, People people, RemoteCalls remote, CommunityScores community) {
        this.ratings = ratings;
        this.catalog = catalog;
        this.people = people;
        this.remote = remote;
        this.community = community;
    }

    record FriendScore(Profile user, BigDecimal score) {}

    /**
     * @param average of every member's score, to two decimals; null when nobody rated it
     * @param count how many members rated it
     * @param myScore null when I have not rated it
     * @param friends my friends who rated it and let friends see their ratings (not PRIVATE), best
     *     score first
     * @param community the ratings of the community data imported beside the catalogue (not
     *     members, and not counted in {@code average} and {@code count}); absent when it has none
     * @param degraded the services that could not be asked
     */
    record Summary(
            long movieId,
            @Nullable BigDecimal average,
            long count,
            @Nullable BigDecimal myScore,
            List<FriendScore> friends,
            @JsonInclude(JsonInclude.Include.NON_NULL) CommunityScores.@Nullable Score community,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    /**
     * Answers with what it can: without movie-service it cannot tell an unknown movie from a
     * known one and says so; without user-service it has no friends to show and says so.
     *
     * @throws org.cinemates.preference.catalog.MovieNotFound when movie-service says there is no
     *     such movie
     */
    Summary of(long me, long movieId) {
        Degradation degraded = new Degradation();
        // A movie seen lately is checked from memory (an unknown one throws here at once); any
        // other is asked of movie-service alongside the friends' scores, so the waits do not add up.
        CompletableFuture<Boolean> movieChecked = catalog.remembers(movieId)
                ? CompletableFuture.completedFuture(movieKnown(movieId))
                : remote.fork(() -> movieKnown(movieId));
        List<Long> friendIds = friendIds(me, degraded);
        Ratings.MovieStats stats = ratings.statsOf(movieId, me, friendIds);
        if (!RemoteCalls.join(movieChecked)) {
            degraded.add(Dependency.MOVIE_SERVICE);
        }
        List<FriendScore> friends = named(stats.friendScores(), degraded);
        BigDecimal average = stats.average() != null ? stats.average().setScale(2, RoundingMode.HALF_UP) : null;
        return new Summary(
                movieId,
                average,
                stats.count(),
                stats.myScore(),
                friends,
                community.of(movieId).orElse(null),
                degraded.names());
    }

    /**
     * @return false when movie-service cannot say
     * @throws org.cinemates.preference.catalog.MovieNotFound when it says there is no such movie
     */
    private boolean movieKnown(long movieId) {
        try {
            catalog.require(movieId);
            return true;
        } catch (DependencyUnavailable e) {
            return false;
        }
    }

    /** My friends' ids; none when user-service cannot say. */
    private List<Long> friendIds(long me, Degradation degraded) {
        try {
            return people.recentFriendIds(me);
        } catch (DependencyUnavailable e) {
            degraded.add(Dependency.USER_SERVICE);
            return List.of();
        }
    }

    /** Friends' scores with who gave them, best first; none when user-service cannot say. */
    private List<FriendScore> named(Map<Long, BigDecimal> scores, Degradation degraded) {
        if (scores.isEmpty()) {
            return List.of();
        }
        Map<Long, Member> members;
        try {
            members = people.recentMembers(scores.keySet());
        } catch (DependencyUnavailable e) {
            degraded.add(Dependency.USER_SERVICE);
            return List.of();
        }
        List<FriendScore> friends = new ArrayList<>();
        scores.forEach((userId, score) -> {
            Member member = members.get(userId);
            // A friend who keeps their ratings PRIVATE is counted in the average, never named.
            if (member != null && member.showsRatingsToFriends()) {
                friends.add(new FriendScore(member.profile(), score));
            }
        });
        friends.sort(Comparator.comparing(FriendScore::score)
                .reversed()
                .thenComparing(friend -> friend.user().username()));
        return friends;
    }
}
