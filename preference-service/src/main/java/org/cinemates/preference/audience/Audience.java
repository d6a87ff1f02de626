package org.cinemates.preference.audience;

import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.security.Viewer;
import org.cinemates.preference.people.People;
import org.springframework.stereotype.Component;

/**
 * Decides what a viewer may see of a member's data. Nothing is cached: a member who makes their
 * profile private, or ends a friendship, is hidden from the very next request, as friendships are
 * everywhere in this service; it costs one or two indexed reads in user-service per page. When
 * user-service cannot say, nothing is shown (503), never more than the member chose.
 */
@Component
public class Audience {

    private final People people;

    Audience(People people) {
        this.people = people;
    }

    /**
     * What the viewer is to the owner. Asks user-service for the owner's friends only when a
     * member other than the owner asks.
     *
     * @throws DependencyUnavailable when user-service cannot say
     */
    public Relation relation(long ownerId, Viewer viewer) {
        return viewer.memberId()
                .map(id -> {
                    if (id == ownerId) {
                        return Relation.OWNER;
                    }
                    return people.friendIds(ownerId).contains(id) ? Relation.FRIEND : Relation.STRANGER;
                })
                .orElse(Relation.ANONYMOUS);
    }

    /**
     * The viewer's relation to a member whose profile's visibility lets the viewer see their
     * ratings, reviews, diary, lists and activity (a member's relation is always told, even on a
     * public profile: their friends may see more of it than others).
     *
     * @throws MemberNotFound for a member user-service does not know
     * @throws NotShown when the member's visibility keeps the viewer out
     * @throws DependencyUnavailable when user-service cannot say
     */
    public Relation requireMaySee(long ownerId, Viewer viewer) {
        if (viewer.is(ownerId)) {
            return Relation.OWNER;
        }
        Visibility visibility = people.visibilityOf(ownerId).orElseThrow(() -> new MemberNotFound(ownerId));
        Relation relation = visibility == Visibility.PUBLIC && viewer.member() == null
                ? Relation.ANONYMOUS
                : relation(ownerId, viewer);
        if (!relation.maySee(visibility)) {
            throw new NotShown(ownerId, relation);
        }
        return relation;
    }
}
