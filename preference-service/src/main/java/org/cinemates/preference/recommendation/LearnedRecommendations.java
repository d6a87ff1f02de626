package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.Reason;
import org.springframework.stereotype.Component;

/**
 * Recommendations from the learned model: the member's ratings as they are now are folded in (so a
 * rating made a second ago counts; {@link FoldedProfiles}), movies friends rated 4 or more are lifted
 * ({@link FriendsLiked}), and the best are picked, never one the member rated. A member without ratings
 * the model can fold in gets {@link ColdStart}'s picks. Until a model is trained, the members' favourites
 * serve ({@link CommunityFavourites}). Each pick carries its reasons ({@link ReasonTexts}).
 */
@Component
class LearnedRecommendations implements RecommendationSource {

    private final ModelHolder holder;
    private final CommunityFavourites favourites;
    private final FoldedProfiles folded;
    private final FriendsLiked friendsLiked;
    private final ColdStart coldStart;
    private final ReasonTexts texts;

    LearnedRecommendations(
            ModelHolder holder,
            CommunityFavourites favourites,
            FoldedProfiles folded,
            FriendsLiked friendsLiked,
            ColdStart coldStart,
            ReasonTexts texts) {
        this.holder = holder;
        this.favourites = favourites;
        this.folded = folded;
        this.friendsLiked = friendsLiked;
        this.coldStart = coldStart;
        this.texts = texts;
    }

    @Override
    public List<Candidate> candidates(long memberId, int limit, Degradation degraded) {
        Optional<ServedModel> current = holder.current();
        if (current.isEmpty()) {
            return favourites.candidates(memberId, limit, degraded);
        }
        return candidates(memberId, limit, current.get(), degraded);
    }

    private List<Candidate> candidates(long memberId, int limit, ServedModel served, Degradation degraded) {
        HybridModel model = served.model();
        // The member's ratings and the movies friends liked come in one query.
        MemberRatingsNow.Reader reading = new MemberRatingsNow.Reader(model);
        Map<Long, Integer> friends = friendsLiked.of(memberId, reading, degraded);
        MemberRatingsNow mine = reading.read();

        Map<Integer, String> leadingGenres = Map.of();
        float[] taste = null;
        Folded member = null;
        Map<Integer, Reason> because = new HashMap<>();
        int[] best;
        if (mine.learned().isEmpty()) {
            ColdStart.Picks picks = coldStart.picks(served, friends, mine.unlearned(), limit, degraded);
            best = picks.best();
            leadingGenres = picks.leadingGenres();
            taste = picks.taste();
        } else {
            member = folded.of(memberId, model, mine);
            best = member.best(model, friends, limit);
            for (int item : best) {
                member.because(model, item).ifPresent(reason -> because.put(item, reason));
            }
        }
        Map<Long, String> titles = texts.titles(because.values(), model, degraded);

        List<Candidate> candidates = new ArrayList<>(best.length);
        for (int item : best) {
            long movieId = model.itemId(item);
            List<String> reasons = new ArrayList<>(2);
            Reason reason = because.get(item);
            if (reason != null) {
                long likedId = model.itemId(reason.item());
                reasons.add(
                        ReasonTexts.becauseYouLiked(titles.getOrDefault(likedId, "movie " + likedId), reason.score()));
            }
            int friendCount = friends.getOrDefault(movieId, 0);
            if (friendCount > 0) {
                reasons.add(ReasonTexts.friendsRated(friendCount));
            }
            Optional<String> liked =
                    taste == null ? Optional.empty() : served.content().likedGenre(taste, item);
            liked.ifPresent(genre -> reasons.add(ReasonTexts.likedGenre(genre)));
            if (reasons.isEmpty()) {
                reasons.add(ReasonTexts.popular(served, item));
            }
            String genre = leadingGenres.get(item);
            if (member == null && genre != null && liked.isEmpty()) {
                reasons.add(ReasonTexts.popularIn(genre));
            }
            BigDecimal score = member != null
                    ? member.predicted(model, item).orElse(null)
                    : Candidate.score(served.bayesian()[item]);
            candidates.add(new Candidate(movieId, score, reasons));
        }
        return List.copyOf(candidates);
    }
}
