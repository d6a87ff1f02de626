package org.cinemates.preference.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.events.Recommended;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.outbox.Outbox;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.text.FreeText;
import org.cinemates.platform.web.ValidationFailed;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.people.People;
import org.cinemates.preference.people.Profile;
import org.cinemates.preference.remote.Dependency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recommending a movie to a friend, and what friends recommended to me. */
@RestController
@RequestMapping("/api/preferences/recommendations")
class SharingController {

    private final FriendRecommendations recommendations;
    private final People people;
    private final MovieCatalog catalog;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SharingController(
            FriendRecommendations recommendations,
            People people,
            MovieCatalog catalog,
            Outbox outbox,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.recommendations = recommendations;
        this.people = people;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    record SendRequest(
            @NotNull @Positive Long toUserId,
            @NotNull @Positive Long movieId,
            @FreeText(max = Recommended.MAX_NOTE) @Nullable String note) {}

    /** A member as a recommendation names them; only the id when user-service could not be asked. */
    record Person(
            long id, @Nullable String username, @Nullable String displayName) {}

    record SentView(
            long id, Person to, Movie movie, @Nullable String note, Instant sentAt) {}

    @Operation(
            summary = "Recommend a movie to a friend",
            description = "Only to a friend (403 otherwise); they are notified. 404 for a movie the catalogue"
                    + " lacks; 503 when user-service or movie-service cannot say.")
    @PostMapping("/sent")
    ResponseEntity<SentView> send(CurrentUser me, @Valid @RequestBody SendRequest request) {
        long to = request.toUserId();
        if (to == me.id()) {
            throw new ValidationFailed("toUserId", "must be a friend, not yourself");
        }
        if (!people.friendIds(me.id()).contains(to)) {
            throw new NotAFriend(to);
        }
        Movie movie = catalog.require(request.movieId());
        String note = note(request.note());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SentRecommendation sent = java.util.Objects.requireNonNull(transaction.execute(status -> {
            SentRecommendation saved =
                    recommendations.add(new SentRecommendation(0, me.id(), to, movie.id(), note, now));
            outbox.append(new Recommended(me.id(), to, movie.id(), note));
            return saved;
        }));
        Map<Long, Profile> profiles = profiles(List.of(to), new ArrayList<>());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SentView(sent.id(), person(to, profiles), movie, note, sent.sentAt()));
    }

    record ReceivedView(
            long id, Person from, Movie movie, @Nullable String note, Instant sentAt) {}

    record ReceivedPage(
            List<ReceivedView> items,
            int page,
            int size,
            long total,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    @Operation(summary = "Movies my friends recommended to me, newest first", description = "Pages from 0.")
    @GetMapping("/received")
    ReceivedPage received(
            CurrentUser me,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
                    int page,
            @Parameter(description = "Recommendations per page, 1 to 100")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(100)
                    int size) {
        List<SentRecommendation> found = recommendations.receivedBy(me.id(), (long) page * size, size);
        List<String> degraded = new ArrayList<>();
        Map<Long, Profile> profiles =
                profiles(found.stream().map(SentRecommendation::fromUserId).toList(), degraded);
        MovieLookup movies =
                catalog.lookup(found.stream().map(SentRecommendation::movieId).toList());
        if (movies.degraded()) {
            degraded.add(Dependency.MOVIE_SERVICE.serviceName());
        }
        List<ReceivedView> items = found.stream()
                .map(r -> new ReceivedView(
                        r.id(), person(r.fromUserId(), profiles), movies.orIdOnly(r.movieId()), r.note(), r.sentAt()))
                .toList();
        return new ReceivedPage(items, page, size, recommendations.countReceivedBy(me.id()), degraded);
    }

    private Map<Long, Profile> profiles(List<Long> ids, List<String> degraded) {
        try {
            return people.profiles(ids);
        } catch (DependencyUnavailable e) {
            degraded.add(Dependency.USER_SERVICE.serviceName());
            return Map.of();
        }
    }

    private static Person person(long id, Map<Long, Profile> profiles) {
        Profile profile = profiles.get(id);
        return profile != null ? new Person(id, profile.username(), profile.displayName()) : new Person(id, null, null);
    }

    private static @Nullable String note(@Nullable String note) {
        if (note == null) {
            return null;
        }
        String stripped = note.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
