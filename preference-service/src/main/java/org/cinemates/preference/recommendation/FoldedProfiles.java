package org.cinemates.preference.recommendation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.cinemates.preference.account.AccountDeleted;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.ModelMetadata;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Members' kept fold-ins ({@link Folded}), recomputed only when a member's ratings or the serving model
 * change: a request of a member whose ratings are as before costs no pass over the movies.
 */
@Component
class FoldedProfiles {

    /** Members whose fold-in and best movies are kept. */
    static final int MAX_FOLDED = 10_000;

    /**
     * A member's ratings as they are (their number and an order-free hash) under one trained model
     * (named by its metadata, so a key does not keep a replaced model in memory).
     */
    private record FoldKey(long memberId, ModelMetadata model, int ratings, long fingerprint) {}

    private final Cache<FoldKey, Folded> folded = Caffeine.newBuilder()
            .maximumSize(MAX_FOLDED)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    Folded of(long memberId, HybridModel model, MemberRatingsNow mine) {
        return folded.get(
                new FoldKey(memberId, model.metadata(), mine.learned().size(), mine.fingerprint()),
                key -> Folded.of(model, mine.learned()));
    }

    /** A deleted member's fold-in goes with the account. */
    @EventListener
    void forget(AccountDeleted deleted) {
        folded.asMap().keySet().removeIf(key -> key.memberId() == deleted.userId());
    }
}
