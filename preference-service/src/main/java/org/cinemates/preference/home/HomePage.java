package org.cinemates.preference.home;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.recommendation.Recommendation;
import org.cinemates.preference.recommendation.Recommendations;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.preference.remote.RemoteCalls;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Puts the start page together. */
@Service
class HomePage {

    private final Recommendations recommendations;
    private final MovieCatalog catalog;
    private final ActivityServiceApi activities;
    private final RemoteCalls remote;
    private final PreferenceSettings.Home settings;

    HomePage(
            Recommendations recommendations,
            MovieCatalog catalog,
            ServiceClients clients,
            RemoteCalls remote,
            PreferenceSettings settings) {
        this.recommendations = recommendations;
        this.catalog = catalog;
        this.activities = clients.create(
                ActivityServiceApi.class, remote.endpoint(Dependency.ACTIVITY_SERVICE, settings.activitiesUrl()));
        this.remote = remote;
        this.settings = settings.home();
    }

    /**
     * @param friendActivity activity-service's feed items as it sent them, each with the
     *     {@code movie} it is about added when there is one and it could be looked up
     * @param degraded the services that could not deliver; left out when all did
     */
    record Home(
            List<Recommendation> recommendations,
            List<JsonNode> friendActivity,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    Home of(CurrentUser me) {
        Degradation degraded = new Degradation();
        // The feed is asked for alongside; the recommendations are worked out on this thread meanwhile.
        String authorization = "Bearer " + me.accessToken();
        RemoteCalls.Call<JsonNode> feed = remote.start(
                Dependency.ACTIVITY_SERVICE, () -> activities.feed(settings.friendActivity(), authorization));
        Recommendations.Result picks = recommendations.forMember(me.id(), settings.recommendations());
        degraded.addAll(picks.degraded());
        return new Home(picks.items(), friendActivity(feed, degraded), degraded.names());
    }

    private List<JsonNode> friendActivity(RemoteCalls.Call<JsonNode> call, Degradation degraded) {
        JsonNode feed;
        try {
            feed = call.answer();
        } catch (DependencyUnavailable | HttpClientErrorException e) {
            degraded.add(Dependency.ACTIVITY_SERVICE);
            return List.of();
        }
        List<ObjectNode> items = new ArrayList<>();
        List<Long> movieIds = new ArrayList<>();
        for (JsonNode item : feed.path("items")) {
            if (item instanceof ObjectNode activity) {
                items.add(activity);
                if (activity.path("movieId").isIntegralNumber()) {
                    movieIds.add(activity.path("movieId").asLong());
                }
            }
        }
        if (!movieIds.isEmpty()) {
            // The start page is asked for on every visit: movies seen lately come from memory.
            MovieLookup movies = catalog.lookupRemembered(movieIds);
            if (movies.degraded()) {
                degraded.add(Dependency.MOVIE_SERVICE);
            }
            for (ObjectNode activity : items) {
                if (activity.path("movieId").isIntegralNumber()) {
                    movies.find(activity.path("movieId").asLong())
                            .ifPresent(movie -> activity.set("movie", movie.json()));
                }
            }
        }
        return List.copyOf(items);
    }
}
