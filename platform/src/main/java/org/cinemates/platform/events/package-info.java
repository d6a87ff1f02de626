/**
 * The events between the services: a typed contract, shared by the services that write events
 * and those that read them.
 *
 * <h2>The types</h2>
 *
 * One record per event type under the sealed {@link CinematesEvent}: the record's {@code
 * @JsonTypeName} is its type id, its components are the payload's fields, its Bean Validation
 * annotations are the rules each field keeps.
 *
 * <table>
 *   <caption>Event types</caption>
 *   <tr><th>type id</th><th>record</th><th>payload</th><th>written by</th></tr>
 *   <tr><td>JOINED</td><td>{@link Joined}</td>
 *       <td>userId, username, displayName</td><td>user-service</td></tr>
 *   <tr><td>PROFILE_UPDATED</td><td>{@link ProfileUpdated}</td>
 *       <td>userId, username, displayName</td><td>user-service</td></tr>
 *   <tr><td>BEFRIENDED</td><td>{@link Befriended}</td>
 *       <td>userId, friendId</td><td>user-service</td></tr>
 *   <tr><td>UNFRIENDED</td><td>{@link Unfriended}</td>
 *       <td>userId, friendId</td><td>user-service</td></tr>
 *   <tr><td>ACCOUNT_DELETED</td><td>{@link AccountDeleted}</td>
 *       <td>userId</td><td>user-service</td></tr>
 *   <tr><td>RATED</td><td>{@link Rated}</td>
 *       <td>userId, movieId, score</td><td>preference-service</td></tr>
 *   <tr><td>REVIEWED</td><td>{@link Reviewed}</td>
 *       <td>userId, movieId, score, review</td><td>preference-service</td></tr>
 *   <tr><td>RATING_DELETED</td><td>{@link RatingDeleted}</td>
 *       <td>userId, movieId</td><td>preference-service</td></tr>
 *   <tr><td>WATCHLISTED</td><td>{@link Watchlisted}</td>
 *       <td>userId, movieId</td><td>preference-service</td></tr>
 *   <tr><td>WATCHLIST_REMOVED</td><td>{@link WatchlistRemoved}</td>
 *       <td>userId, movieId</td><td>preference-service</td></tr>
 *   <tr><td>LOGGED</td><td>{@link Logged}</td>
 *       <td>userId, movieId, entryId, watchedOn, score, review, rewatch, liked</td>
 *       <td>preference-service</td></tr>
 *   <tr><td>LISTED</td><td>{@link Listed}</td>
 *       <td>userId, listId, name, visibility, movies</td><td>preference-service</td></tr>
 *   <tr><td>LIST_WITHDRAWN</td><td>{@link ListWithdrawn}</td>
 *       <td>userId, listId</td><td>preference-service</td></tr>
 *   <tr><td>FRIEND_REQUESTED</td><td>{@link FriendRequested}</td>
 *       <td>userId, toUserId, requestId</td><td>user-service</td></tr>
 *   <tr><td>RECOMMENDED</td><td>{@link Recommended}</td>
 *       <td>userId, toUserId, movieId, note</td><td>preference-service</td></tr>
 * </table>
 *
 * <h2>On the wire</h2>
 *
 * A producer appends a record to its outbox ({@code Outbox.append(event)}): the type id, the
 * actor ({@code userId}) and the payload ({@link EventJson#write(CinematesEvent)}) are stored in
 * one row. Its relay posts batches {@code {"events": [...]}} ({@link EventBatch}), each event an
 * envelope ({@link DeliveredEvent}) with the type id beside the payload:
 *
 * <pre>{@code
 * {"eventId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "type": "RATED", "actorId": 12,
 *  "occurredAt": "2026-11-25T15:00:00Z", "payload": {"userId": 12, "movieId": 7, "score": 4.5}}
 * }</pre>
 *
 * A consumer reads each event on its own with {@link EventJson#read}: an event of an unknown
 * type, missing a field or breaking a rule is an {@link InvalidEvent} with a reason naming the
 * field ({@code payload.score must be 0.5 to 5.0 in steps of 0.5}); the consumer counts it as
 * ignored and keeps the rest of the batch. Fields a reader does not know are skipped.
 *
 * <h2>Changing the contract</h2>
 *
 * Events outlive the code that wrote them: an outbox holds undelivered events across an upgrade,
 * and during a rolling upgrade old producers write to new consumers and the other way round. So
 * a type id and a payload field keep their names once released (the golden tests in {@code
 * EventWireFormatTest} fail when one changes); a new field is {@code @Nullable} in its record
 * until no outbox can hold an event without it; a type is retired only after no outbox can hold
 * it. A consumer acknowledges and ignores a type it does not know yet, so a new type is deployed
 * to its consumers before its producer writes it.
 *
 * <p>Adding a type:
 *
 * <ol>
 *   <li>a record here with its {@code @JsonTypeName}, its rules, and {@code accept} calling its
 *       new {@link CinematesEvent.Visitor} method; list it in the sealed interface's {@code
 *       permits};
 *   <li>its golden JSON in {@code EventWireFormatTest};
 *   <li>the compiler then lists every consumer (every {@code Visitor}) that must decide what the
 *       type means to it, and the producer appends it;
 *   <li>a destination that takes only some types ({@code cinemates.outbox.destinations.*.types})
 *       names it there if it should have it.
 * </ol>
 */
@NullMarked
package org.cinemates.platform.events;

import org.jspecify.annotations.NullMarked;
