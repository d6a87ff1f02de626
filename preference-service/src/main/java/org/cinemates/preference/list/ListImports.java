package org.cinemates.preference.list;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cinemates.platform.events.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How imports and exports read and make a member's lists, in the caller's transaction and quietly
 * (lists brought from elsewhere are not news for the feed). An imported list is shown to the
 * member's friends, the default of a new list, unless the file says otherwise (this service's own
 * export does); the member chooses otherwise on the list's page.
 */
@Component
public class ListImports {

    /** The most movies a list holds. */
    public static final int MAX_ITEMS = ListRules.MAX_ITEMS;

    /** The most lists a member has. */
    public static final int MAX_LISTS = ListRules.MAX_LISTS;

    private final MovieLists lists;

    ListImports(MovieLists lists) {
        this.lists = lists;
    }

    /**
     * A list to make: at most {@link #MAX_ITEMS} movies, each once, in order.
     *
     * @param visibility PUBLIC, FRIENDS or PRIVATE; null for the default, FRIENDS
     */
    public record NewList(
            String name,
            @Nullable String description,
            boolean ranked,
            @Nullable String visibility,
            List<NewItem> items) {}

    public record NewItem(long movieId, @Nullable String note) {}

    /** A list as the export writes it. */
    public record Exported(
            String name,
            @Nullable String description,
            boolean ranked,
            String visibility,
            Instant createdAt,
            List<NewItem> items) {}

    /** The names of the member's lists, in lower case: a list of the same name is not imported again. */
    public Set<String> namesOf(long userId) {
        Set<String> names = new HashSet<>();
        lists.of(userId).forEach(list -> names.add(key(list.name())));
        return names;
    }

    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public long countOf(long userId) {
        return lists.countOf(userId);
    }

    /** Makes the lists; returns their ids, in the same order. */
    public List<Long> create(long userId, List<NewList> made, Instant at) {
        List<Long> ids = new ArrayList<>();
        for (NewList list : made) {
            Visibility visibility = Visibility.parse(list.visibility());
            long id = lists.add(userId, list.name(), list.description(), list.ranked(), visibility, at);
            List<ListItem> items = new ArrayList<>();
            for (NewItem item : list.items()) {
                items.add(new ListItem(items.size() + 1, item.movieId(), item.note()));
            }
            lists.replaceItems(id, items);
            ids.add(id);
        }
        return ids;
    }

    /** Removes these lists of the member (an undone import's), with their movies. */
    public void removeAll(long userId, Collection<Long> ids) {
        Set<Long> own = new HashSet<>();
        lists.of(userId).forEach(list -> own.add(list.id()));
        for (Long id : ids) {
            if (own.contains(id)) {
                lists.remove(id);
            }
        }
    }

    /** Every list of the member, with its movies, oldest first. */
    public List<Exported> exportOf(long userId) {
        List<Exported> all = new ArrayList<>();
        List<MovieList> mine = new ArrayList<>(lists.of(userId));
        mine.sort(java.util.Comparator.comparing(MovieList::createdAt).thenComparing(MovieList::id));
        for (MovieList list : mine) {
            List<NewItem> items = lists.items(list.id()).stream()
                    .map(item -> new NewItem(item.movieId(), item.note()))
                    .toList();
            all.add(new Exported(
                    list.name(),
                    list.description(),
                    list.ranked(),
                    list.visibility().name(),
                    list.createdAt(),
                    items));
        }
        return all;
    }
}
