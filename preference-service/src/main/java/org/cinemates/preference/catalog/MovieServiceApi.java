package org.cinemates.preference.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** The part of movie-service's API this service reads (see movie-service's MovieController). */
interface MovieServiceApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MovieList(List<JsonNode> items) {}

    /** 200 movie, or 404 problem. */
    @GetExchange("/api/movies/{id}")
    JsonNode movie(@PathVariable long id);

    /** At most 100 ids, comma-separated; unknown ids are left out, the rest in the order asked. */
    @GetExchange("/api/movies")
    MovieList moviesByIds(@RequestParam("ids") String ids);

    @GetExchange("/api/movies")
    MovieList search(@RequestParam("sort") String sort, @RequestParam("size") int size);

    @GetExchange("/api/movies")
    MovieList page(@RequestParam("sort") String sort, @RequestParam("page") int page, @RequestParam("size") int size);
}
