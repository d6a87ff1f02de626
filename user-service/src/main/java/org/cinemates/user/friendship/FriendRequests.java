package org.cinemates.user.friendship;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface FriendRequests extends ListCrudRepository<FriendRequest, Long> {

    Optional<FriendRequest> findByPendingPair(String pendingPair);

    List<FriendRequest> findByToUserAndStatusOrderByCreatedAtDescIdDesc(long toUser, FriendRequest.Status status);

    List<FriendRequest> findByFromUserAndStatusOrderByCreatedAtDescIdDesc(long fromUser, FriendRequest.Status status);

    /** Answers a pending request; false when it was not pending any more (someone was faster). */
    @Modifying
    @Query("""
            update friend_requests set status = :outcome, responded_at = :at, pending_pair = null
            where id = :id and status = 'PENDING'
            """)
    boolean resolve(long id, String outcome, Instant at);
}
