package org.cinemates.activity.reaction;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import org.cinemates.activity.log.Activity;
import org.cinemates.activity.people.Actors;
import org.cinemates.activity.people.Profile;
import org.cinemates.activity.people.Profiles;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.text.FreeText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liking and commenting on activities a member may see. */
@RestController
@RequestMapping("/api/activities")
class ReactionController {

    static final int MAX_COMMENT = 2000;

    /** The most comments one answer lists, oldest first. */
    static final int MAX_COMMENTS_SHOWN = 500;

    private final Sight sight;
    private final Reactions reactions;
    private final Actors actors;
    private final ReactionNews news;
    private final Clock clock;

    ReactionController(Sight sight, Reactions reactions, Actors actors, ReactionNews news, Clock clock) {
        this.sight = sight;
        this.reactions = reactions;
        this.actors = actors;
        this.news = news;
        this.clock = clock;
    }

    @Operation(
            summary = "Like an activity",
            description = "204 whether or not I liked it already. 404 for an activity I may not see.")
    @PutMapping("/{id}/like")
    @Transactional
    ResponseEntity<Void> like(CurrentUser me, @PathVariable @Positive long id) {
        Activity activity = sight.require(me.id(), id);
        Instant now = now();
        if (reactions.like(id, me.id(), now)) {
            news.liked(activity, me.id(), now);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Take back my like",
            description = "204 whether or not I liked it. 404 for an activity I may not see.")
    @DeleteMapping("/{id}/like")
    @Transactional
    ResponseEntity<Void> unlike(CurrentUser me, @PathVariable @Positive long id) {
        sight.require(me.id(), id);
        reactions.unlike(id, me.id());
        return ResponseEntity.noContent().build();
    }

    /** Someone a comment names; both names null when they could not be found out. */
    record Author(
            long id, @Nullable String username, @Nullable String displayName) {

        static Author of(Profile profile) {
            return new Author(profile.id(), profile.username(), profile.displayName());
        }
    }

    record CommentView(long id, long activityId, Author author, String text, Instant createdAt) {}

    record CommentPage(List<CommentView> items) {}

    @Operation(
            summary = "The comments on an activity, oldest first",
            description = "At most " + MAX_COMMENTS_SHOWN + ". 404 for an activity I may not see.")
    @GetMapping("/{id}/comments")
    CommentPage comments(CurrentUser me, @PathVariable @Positive long id) {
        sight.require(me.id(), id);
        List<Comment> comments = reactions.comments(id, MAX_COMMENTS_SHOWN);
        Profiles authors = actors.named(
                new LinkedHashSet<>(comments.stream().map(Comment::authorId).toList()));
        return new CommentPage(
                comments.stream().map(comment -> view(comment, authors)).toList());
    }

    /** @param text 1 to 2,000 characters, not only white space; line breaks allowed */
    record CommentRequest(
            @NotNull @NotBlank @FreeText(max = MAX_COMMENT) String text) {}

    @Operation(
            summary = "Comment on an activity",
            description = "1 to " + MAX_COMMENT + " characters, line breaks allowed, no other control"
                    + " characters. 404 for an activity I may not see.")
    @PostMapping("/{id}/comments")
    @Transactional
    ResponseEntity<CommentView> comment(
            CurrentUser me, @PathVariable @Positive long id, @Valid @RequestBody CommentRequest request) {
        Activity activity = sight.require(me.id(), id);
        String text = request.text().strip();
        Instant now = now();
        long commentId = reactions.comment(id, me.id(), text, now);
        news.commented(activity, me.id(), commentId, text, now);
        Comment comment = new Comment(commentId, id, me.id(), text, now);
        return ResponseEntity.created(URI.create("/api/activities/" + id + "/comments"))
                .body(view(comment, actors.named(List.of(me.id()))));
    }

    @Operation(
            summary = "Delete a comment",
            description = "By its author, or by the member whose activity it is under (403 for anyone else)."
                    + " 404 for a comment on an activity I may not see.")
    @DeleteMapping("/comments/{commentId}")
    @Transactional
    ResponseEntity<Void> deleteComment(CurrentUser me, @PathVariable @Positive long commentId) {
        Comment comment = reactions.findComment(commentId).orElseThrow(() -> new CommentNotFound(commentId));
        Activity activity;
        try {
            activity = sight.require(me.id(), comment.activityId());
        } catch (ActivityNotFound e) {
            throw new CommentNotFound(commentId);
        }
        if (comment.authorId() != me.id() && activity.actorId() != me.id()) {
            throw new NotYourComment(commentId);
        }
        reactions.removeComment(commentId);
        news.commentDeleted(commentId);
        return ResponseEntity.noContent().build();
    }

    private static CommentView view(Comment comment, Profiles authors) {
        return new CommentView(
                comment.id(),
                comment.activityId(),
                Author.of(authors.of(comment.authorId())),
                comment.text(),
                comment.createdAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
