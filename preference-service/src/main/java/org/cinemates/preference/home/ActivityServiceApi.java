package org.cinemates.preference.home;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** activity-service's feed, read on the member's behalf. */
interface ActivityServiceApi {

    /**
     * {@code {items: [activity], nextCursor}}, my friends' activities, newest first.
     *
     * @param authorization {@code Bearer <the member's access token>}: given explicitly because
     *     the call runs on another thread than the member's request
     */
    @GetExchange("/api/activities/feed")
    JsonNode feed(@RequestParam("limit") int limit, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);
}
