package org.cinemates.preference.list;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.security.Viewer;
import org.cinemates.platform.text.FreeText;
import org.cinemates.platform.text.VisibleText;
import org.cinemates.platform.web.FieldError;
import org.cinemates.platform.web.ValidationFailed;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.people.People;
import org.cinemates.preference.people.Profile;
import org.cinemates.preference.remote.Dependency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Lists of movies: mine to make and change, anyone's to read as their visibility allows. */
@RestController
class ListController {

    private static final String LISTS = "/api/preferences/lists";

    private final ListService lists;
    private final MovieCatalog catalog;
    private final People people;

    ListController(ListService lists, MovieCatalog catalog, People people) {
        this.lists = lists;
        this.catalog = catalog;
        this.people = people;
    }

    /**
     * @param ranked whether the order is a ranking; false when absent
     * @param visibility who may see it; {@code FRIENDS} when absent
     */
    record CreateRequest(
            @NotNull @VisibleText(max = ListRules.MAX_NAME) String name,

            @FreeText(max = ListRules.MAX_DESCRIPTION) @Nullable
            String description,

            @Nullable Boolean ranked,
            @Nullable Visibility visibility) {}

    record ItemRequest(
            @NotNull @Positive Long movieId,
            @FreeText(max = ListRules.MAX_NOTE) @Nullable String note) {}

    record ItemsRequest(
            @NotNull @Size(max = ListRules.MAX_ITEMS) @Valid List<@NotNull ItemRequest> items) {}

    /** The member a list belongs to; only the id when user-service could not be asked. */
    record Owner(
            long id, @Nullable String username, @Nullable String displayName) {}

    record ItemView(int position, Movie movie, @Nullable String note) {}

    record ListView(
            long id,
            Owner owner,
            String name,
            @Nullable String description,
            boolean ranked,
            Visibility visibility,
            int movieCount,
            List<ItemView> items,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    record ListSummary(
            long id,
            Owner owner,
            String name,
            @Nullable String description,
            boolean ranked,
            Visibility visibility,
            int movieCount,
            Instant createdAt,
            Instant updatedAt) {}

    record ListPage(
            List<ListSummary> items,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    @Operation(
            summary = "Make a list",
            description = "Empty at first: PUT its items. visibility PUBLIC, FRIENDS (the default) or PRIVATE."
                    + " 409 when I have " + ListRules.MAX_LISTS + " lists already.")
    @PostMapping(LISTS)
    ResponseEntity<ListView> create(CurrentUser me, @Valid @RequestBody CreateRequest request) {
        MovieList list = lists.create(
                me.id(),
                new ListService.Details(
                        request.name().strip(),
                        description(request.description()),
                        Boolean.TRUE.equals(request.ranked()),
                        request.visibility() != null ? request.visibility() : Visibility.FRIENDS));
        return ResponseEntity.created(URI.create(LISTS + "/" + list.id()))
                .body(view(new ListService.Shown(list, List.of(), org.cinemates.preference.audience.Relation.OWNER)));
    }

    @Operation(summary = "My lists, most recently changed first", description = "Without their movies.")
    @GetMapping(LISTS)
    ListPage mine(CurrentUser me) {
        return page(me.id(), lists.mine(me.id()));
    }

    @Operation(
            summary = "A list with its movies",
            description = "Anyone may read a PUBLIC list, without an account too (a share link); the owner's"
                    + " friends a FRIENDS list; only the owner a PRIVATE one. 404 for a list I may not see.")
    @GetMapping(LISTS + "/{id}")
    ListView read(Viewer viewer, @PathVariable @Positive long id) {
        return view(lists.read(id, viewer));
    }

    @Operation(
            summary = "Change my list",
            description = "Only the fields sent (name, description, ranked, visibility) change; a null or"
                    + " empty description removes it. 404 unless it is mine.")
    @PatchMapping(LISTS + "/{id}")
    ListView change(CurrentUser me, @PathVariable @Positive long id, @RequestBody JsonNode body) {
        ListPatch patch = ListPatch.of(body);
        MovieList changed = lists.change(
                me.id(),
                id,
                before -> new ListService.Details(
                        patch.name() != null ? patch.name() : before.name(),
                        patch.setsDescription() ? patch.description() : before.description(),
                        patch.ranked() != null ? patch.ranked() : before.ranked(),
                        patch.visibility() != null ? patch.visibility() : before.visibility()));
        return view(lists.read(changed.id(), new Viewer(me)));
    }

    @Operation(summary = "Delete my list", description = "404 unless it is mine.")
    @DeleteMapping(LISTS + "/{id}")
    ResponseEntity<Void> delete(CurrentUser me, @PathVariable @Positive long id) {
        lists.delete(me.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Set my list's movies, in this order",
            description = "At most " + ListRules.MAX_ITEMS + " movies, each once, each with an optional note."
                    + " 400 naming the items whose movie the catalogue lacks; 503 when movie-service cannot"
                    + " say. 404 unless the list is mine.")
    @PutMapping(LISTS + "/{id}/items")
    ListView replaceItems(CurrentUser me, @PathVariable @Positive long id, @Valid @RequestBody ItemsRequest request) {
        List<ItemRequest> requested = request.items();
        List<FieldError> errors = new ArrayList<>();
        Map<Long, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            Integer earlier = firstAt.putIfAbsent(requested.get(i).movieId(), i);
            if (earlier != null && errors.size() < 10) {
                errors.add(new FieldError(
                        "items[" + i + "].movieId", "is on the list already, as items[" + earlier + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        MovieLookup movies =
                catalog.lookup(requested.stream().map(ItemRequest::movieId).toList());
        List<ListItem> items = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            long movieId = requested.get(i).movieId();
            if (movies.isUnknown(movieId)) {
                if (errors.size() < 10) {
                    errors.add(new FieldError("items[" + i + "].movieId", "there is no movie " + movieId));
                }
            } else if (movies.find(movieId).isEmpty()) {
                throw new DependencyUnavailable(Dependency.MOVIE_SERVICE.serviceName());
            }
            items.add(new ListItem(i + 1, movieId, description(requested.get(i).note())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return view(lists.replaceItems(me.id(), id, items), movies);
    }

    @Operation(
            summary = "A member's lists I may see",
            description = "As their visibility allows (403 otherwise; 404 for no such member), and of those"
                    + " the lists shown to me: PUBLIC ones to anyone, FRIENDS ones to their friends.")
    @GetMapping("/api/preferences/members/{userId}/lists")
    ListPage ofMember(Viewer viewer, @PathVariable @Positive long userId) {
        return page(userId, lists.ofMember(userId, viewer));
    }

    private ListPage page(long ownerId, List<MovieList> found) {
        Owned owner = owner(ownerId);
        return new ListPage(
                found.stream().map(list -> summary(list, owner.owner())).toList(), owner.degraded());
    }

    private ListView view(ListService.Shown shown) {
        return view(
                shown,
                catalog.lookup(shown.items().stream().map(ListItem::movieId).toList()));
    }

    private ListView view(ListService.Shown shown, MovieLookup movies) {
        MovieList list = shown.list();
        Owned owner = owner(list.userId());
        List<String> degraded = new ArrayList<>(owner.degraded());
        if (movies.degraded()) {
            degraded.add(Dependency.MOVIE_SERVICE.serviceName());
        }
        return new ListView(
                list.id(),
                owner.owner(),
                list.name(),
                list.description(),
                list.ranked(),
                list.visibility(),
                list.movies(),
                shown.items().stream()
                        .map(item -> new ItemView(item.position(), movies.orIdOnly(item.movieId()), item.note()))
                        .toList(),
                list.createdAt(),
                list.updatedAt(),
                degraded);
    }

    private static ListSummary summary(MovieList list, Owner owner) {
        return new ListSummary(
                list.id(),
                owner,
                list.name(),
                list.description(),
                list.ranked(),
                list.visibility(),
                list.movies(),
                list.createdAt(),
                list.updatedAt());
    }

    private record Owned(Owner owner, List<String> degraded) {}

    private Owned owner(long userId) {
        try {
            Profile profile = people.profiles(List.of(userId)).get(userId);
            return profile != null
                    ? new Owned(new Owner(userId, profile.username(), profile.displayName()), List.of())
                    : new Owned(new Owner(userId, null, null), List.of());
        } catch (DependencyUnavailable e) {
            return new Owned(new Owner(userId, null, null), List.of(Dependency.USER_SERVICE.serviceName()));
        }
    }

    /** Free text as stored: stripped, and none when blank. */
    static @Nullable String description(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
