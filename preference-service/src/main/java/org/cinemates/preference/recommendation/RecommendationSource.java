package org.cinemates.preference.recommendation;

import java.util.List;

/** Where recommendations come from: the one thing a better recommender replaces. */
public interface RecommendationSource {

    /**
     * Up to {@code limit} movies for the member, best first, none of them rated by the member.
     */
    List<Candidate> candidates(long memberId, int limit);
}
