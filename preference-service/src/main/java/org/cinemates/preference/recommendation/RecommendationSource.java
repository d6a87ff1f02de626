package org.cinemates.preference.recommendation;

import java.util.List;
import org.cinemates.preference.remote.Degradation;

/** Where recommendations come from: the one thing a better recommender replaces. */
public interface RecommendationSource {

    /**
     * Up to {@code limit} movies for the member, best first, none of them rated by the member.
     *
     * @param degraded where the source notes the dependencies it could not ask
     */
    List<Candidate> candidates(long memberId, int limit, Degradation degraded);
}
