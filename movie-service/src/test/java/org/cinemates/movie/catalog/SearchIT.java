package org.cinemates.movie.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cinemates.movie.IntegrationTest;
import org.cinemates.movie.TestCatalogues;
import org.cinemates.movie.importer.ImportStatus;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Search, lookups by id, genres and their caching headers, on ml-latest-small in PostgreSQL. */
class SearchIT extends IntegrationTest {

    private static boolean imported;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "search");
    }

    @BeforeEach
    void importMovieLensOnce() {
        if (!imported) {
            ImportStatus status = importFolder(TestCatalogues.movieLensSmall());
            assertThat(status.state()).as("%s", status).isEqualTo("DONE");
            imported = true;
        }
    }

    @Test
    void findsAmelieWithoutTheAccent() {
        assertThat(ids("/api/movies?q=amelie")).contains(4973L);
        assertThat(ids("/api/movies?q=AMÉLIE")).first().isEqualTo(4973L);
    }

    @Test
    void ranksTheExactTitleFirstWhateverTheCaseAndPunctuation() {
        assertThat(ids("/api/movies?q=toy%20story")).startsWith(1L).contains(3114L, 78499L);
        assertThat(ids("/api/movies?q=TOY-story")).first().isEqualTo(1L);
        assertThat(ids("/api/movies?q=toy%20%20story!")).first().isEqualTo(1L);
    }

    @Test
    void findsLeonWithOrWithoutTheAccent() {
        assertThat(ids("/api/movies?q=l%C3%A9on")).first().isEqualTo(293L);
        assertThat(ids("/api/movies?q=leon%20professional")).containsExactly(293L);
    }

    @Test
    void everyWordMustMatchInAnyOrder() {
        List<Long> godfather = ids("/api/movies?q=the%20godfather");
        assertThat(godfather).startsWith(858L).contains(1221L);
        assertThat(ids("/api/movies?q=godfather%20the")).startsWith(858L);
        JsonNode noTitleHasBoth = get("/api/movies?q=godfather%20zebra").json();
        assertThat(noTitleHasBoth.path("approximate").asBoolean())
                .as("only titles with similar words")
                .isTrue();
    }

    @Test
    void aTypoStillFindsTheMovieApproximately() {
        JsonNode page = get("/api/movies?q=amelei").json();
        assertThat(page.path("approximate").asBoolean()).isTrue();
        assertThat(idsOf(page)).contains(4973L);
    }

    @Test
    void searchResultsShowWholeMoviesAndTheTotal() {
        JsonNode page = get("/api/movies?q=matrix").json();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        assertThat(page.path("sort").asString()).isEqualTo("relevance");
        JsonNode matrix = page.path("items").get(0);
        assertThat(matrix.path("id").asLong()).isEqualTo(2571);
        assertThat(matrix.path("title").asString()).isEqualTo("Matrix, The");
        assertThat(matrix.path("year").asInt()).isEqualTo(1999);
        assertThat(matrix.path("popularity").asInt()).isGreaterThan(200);
    }

    @Test
    void filtersByGenreWithAndWithoutAQuery() {
        JsonNode noir = get("/api/movies?genre=film-noir&size=100").json();
        assertThat(noir.path("total").asLong()).isEqualTo(87);
        noir.path("items").forEach(movie -> assertThat(genres(movie)).contains("Film-Noir"));

        List<Long> animatedToyStories = ids("/api/movies?q=toy&genre=Animation");
        assertThat(animatedToyStories).contains(1L, 3114L, 78499L);
        assertThat(ids("/api/movies?q=toy%20story&genre=Horror")).doesNotContain(1L);
    }

    @Test
    void filtersByYearRange() {
        JsonNode nineties =
                get("/api/movies?q=story&yearFrom=1990&yearTo=1999&size=100").json();
        assertThat(nineties.path("items").size()).isPositive();
        nineties.path("items")
                .forEach(movie -> assertThat(movie.path("year").asInt()).isBetween(1990, 1999));
        assertThat(ids("/api/movies?q=toy%20story&yearFrom=2000"))
                .doesNotContain(1L)
                .contains(78499L);
        JsonNode exactYear = get("/api/movies?yearFrom=1995&yearTo=1995&genre=Animation&size=100")
                .json();
        assertThat(idsOf(exactYear)).contains(1L);
        exactYear
                .path("items")
                .forEach(movie -> assertThat(movie.path("year").asInt()).isEqualTo(1995));
    }

    @Test
    void filtersByTag() {
        assertThat(ids("/api/movies?tag=pixar&size=100")).contains(1L);
        assertThat(ids("/api/movies?tag=PIXAR&q=toy")).contains(1L);
    }

    @Test
    void sortsByTitleYearAndPopularity() {
        List<JsonNode> byTitle = items("/api/movies?q=star%20wars&sort=title&size=100");
        List<String> titles =
                byTitle.stream().map(m -> m.path("title").asString()).toList();
        assertThat(titles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        List<Integer> oldestFirst = years(items("/api/movies?q=batman&sort=year&size=100"));
        assertThat(oldestFirst).isSorted();
        List<Integer> newestFirst = years(items("/api/movies?q=batman&sort=-year&size=100"));
        assertThat(newestFirst).isSortedAccordingTo((a, b) -> b - a);

        List<Integer> popularity = items("/api/movies?sort=popularity&size=50").stream()
                .map(m -> m.path("popularity").asInt())
                .toList();
        assertThat(popularity).isSortedAccordingTo((a, b) -> b - a);
        assertThat(ids("/api/movies?size=1")).containsExactly(356L);
        assertThat(get("/api/movies").json().path("sort").asString()).isEqualTo("popularity");
    }

    @Test
    void pagesAreNumberedFromZeroAndDoNotOverlap() {
        JsonNode first = get("/api/movies?q=love&sort=title&size=5&page=0").json();
        JsonNode second = get("/api/movies?q=love&sort=title&size=5&page=1").json();
        assertThat(first.path("total").asLong()).isEqualTo(second.path("total").asLong());
        assertThat(first.path("total").asLong()).isGreaterThan(10);
        assertThat(idsOf(first)).hasSize(5).doesNotContainAnyElementsOf(idsOf(second));
        long total = first.path("total").asLong();
        JsonNode beyond =
                get("/api/movies?q=love&size=5&page=" + (total / 5 + 1)).json();
        assertThat(beyond.path("items").size()).isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(total);
    }

    @Test
    void refusesSearchParametersBeyondTheirLimits() {
        assertField(get("/api/movies?q=" + "a".repeat(201)), "q");
        assertField(get("/api/movies?size=101"), "size");
        assertField(get("/api/movies?size=0"), "size");
        assertField(get("/api/movies?page=-1"), "page");
        assertField(get("/api/movies?page=first"), "page");
        assertField(get("/api/movies?yearFrom=2000&yearTo=1990"), "yearFrom");
        assertField(get("/api/movies?yearFrom=nineteen"), "yearFrom");
        assertField(get("/api/movies?yearTo=99999"), "yearTo");
        assertField(get("/api/movies?sort=rating"), "sort");
        assertField(get("/api/movies?genre=Cooking"), "genre");
        assertField(get("/api/movies?tag=" + "t".repeat(101)), "tag");
        JsonNode sort = assertProblem(get("/api/movies?sort=rating"), 400, "validation");
        assertThat(sort.path("detail").asString()).contains("relevance", "-year", "popularity");
    }

    @Test
    void anOnlyPunctuationQueryBrowsesEverything() {
        assertThat(get("/api/movies?q=%21%3F").json().path("total").asLong()).isEqualTo(9742);
    }

    @Test
    void movieByIdHasTheMovieLensDetails() {
        ApiResponse response = get("/api/movies/1");
        assertThat(response.status()).isEqualTo(200);
        JsonNode toyStory = response.json();
        assertThat(toyStory.path("title").asString()).isEqualTo("Toy Story");
        assertThat(toyStory.path("year").asInt()).isEqualTo(1995);
        assertThat(genres(toyStory)).containsExactly("Adventure", "Animation", "Children", "Comedy", "Fantasy");
        assertThat(toyStory.path("imdbId").asString()).isEqualTo("0114709");
        assertThat(toyStory.path("imdbTitleId").asString()).isEqualTo("tt0114709");
        assertThat(toyStory.path("tmdbId").asLong()).isEqualTo(862);
        assertThat(toyStory.path("popularity").asInt()).isEqualTo(215);
        assertThat(toyStory.path("tags").valueStream().map(JsonNode::asString).toList())
                .contains("pixar");

        assertProblem(get("/api/movies/99999999"), 404, "movie-not-found");
        assertProblem(get("/api/movies/toy-story"), 400, "validation");
    }

    @Test
    void moviesWithoutAYearOrGenresSayNull() {
        JsonNode babylon = get("/api/movies/40697").json();
        assertThat(babylon.path("title").asString()).isEqualTo("Babylon 5");
        assertThat(babylon.path("year").isNull()).isTrue();
        JsonNode hyenaRoad = get("/api/movies/143410").json();
        assertThat(hyenaRoad.path("genres").size()).isZero();
    }

    @Test
    void moviesByIdsComeInTheOrderAskedOnceEach() {
        assertThat(ids("/api/movies?ids=296,1,4973")).containsExactly(296L, 1L, 4973L);
        assertThat(ids("/api/movies?ids=2,987654,1,2,%20296")).containsExactly(2L, 1L, 296L);
        assertThat(ids("/api/movies?ids=")).isEmpty();
        String hundred =
                IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertThat(get("/api/movies?ids=" + hundred).status()).isEqualTo(200);
        assertField(get("/api/movies?ids=" + hundred + ",101"), "ids");
        assertField(get("/api/movies?ids=1,two,3"), "ids");
        assertField(get("/api/movies?ids=1,-3"), "ids");
    }

    @Test
    void readsCarryTheirOwnCacheControlAndAnEntityTag() {
        ApiResponse movie = get("/api/movies/1");
        assertPubliclyCacheable(movie);
        String etag = movie.header("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");

        ApiResponse unchanged =
                api().get("/api/movies/1").header("If-None-Match", etag).send();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertPubliclyCacheable(unchanged);
        assertThat(api().get("/api/movies/2")
                        .header("If-None-Match", etag)
                        .send()
                        .status())
                .isEqualTo(200);

        ApiResponse list = get("/api/movies?ids=1,2");
        assertPubliclyCacheable(list);
        String listTag = list.header("ETag").orElseThrow();
        assertThat(api().get("/api/movies?ids=1,2")
                        .header("If-None-Match", listTag)
                        .send()
                        .status())
                .isEqualTo(304);
        assertThat(get("/api/movies?ids=2,1").header("ETag")).isNotEqualTo(list.header("ETag"));

        assertPubliclyCacheable(get("/api/movies?q=heat"));
        assertPubliclyCacheable(get("/api/movies/genres"));
    }

    @Test
    void genresListEveryGenreWithItsCount() {
        JsonNode genres = get("/api/movies/genres").json().path("items");
        assertThat(genres.size()).isEqualTo(19);
        List<String> names =
                genres.valueStream().map(g -> g.path("name").asString()).toList();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).contains("Drama", "Sci-Fi", "IMAX");
        JsonNode drama = genres.valueStream()
                .filter(g -> g.path("name").asString().equals("Drama"))
                .findFirst()
                .orElseThrow();
        assertThat(drama.path("count").asLong()).isEqualTo(4361);
    }

    private static void assertPubliclyCacheable(ApiResponse response) {
        String cacheControl = response.header("Cache-Control").orElse("");
        assertThat(cacheControl).contains("public", "max-age=").doesNotContain("no-store", "no-cache");
    }

    private static void assertField(ApiResponse response, String field) {
        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
    }

    private ApiResponse get(String path) {
        return api().get(path).send();
    }

    private List<JsonNode> items(String path) {
        ApiResponse response = get(path);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().path("items").valueStream().toList();
    }

    private List<Long> ids(String path) {
        return items(path).stream().map(m -> m.path("id").asLong()).toList();
    }

    private static List<Long> idsOf(JsonNode page) {
        return page.path("items").valueStream().map(m -> m.path("id").asLong()).toList();
    }

    private static List<String> genres(JsonNode movie) {
        return movie.path("genres").valueStream().map(JsonNode::asString).toList();
    }

    private static List<Integer> years(List<JsonNode> movies) {
        return movies.stream()
                .filter(m -> !m.path("year").isNull())
                .map(m -> m.path("year").asInt())
                .toList();
    }
}
