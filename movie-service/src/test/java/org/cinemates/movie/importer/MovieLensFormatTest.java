package org.cinemates.movie.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MovieLensFormatTest {

    private final MovieLensFormat format = new MovieLensFormat(16384);

    @Test
    void takesTheYearOutOfTheTitle() throws BadRow {
        assertThat(format.movie("1,Toy Story (1995),Adventure|Animation"))
                .isEqualTo(new MovieLensFormat.MovieRow(1, "Toy Story", 1995, "Adventure|Animation"));
        assertThat(format.movie("4973,\"Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)\",Comedy|Romance"))
                .isEqualTo(new MovieLensFormat.MovieRow(
                        4973, "Amelie (Fabuleux destin d'Amélie Poulain, Le)", 2001, "Comedy|Romance"));
        assertThat(format.movie("27008,From Dusk Till Dawn 2 (1999) ,Comedy").title())
                .isEqualTo("From Dusk Till Dawn 2");
        assertThat(format.movie("171749,Death Note: Desu nôto (2006–2007),(no genres listed)"))
                .isEqualTo(new MovieLensFormat.MovieRow(171749, "Death Note: Desu nôto", 2006, "(no genres listed)"));
    }

    @Test
    void aTitleWithoutAYearKeepsItsParentheses() throws BadRow {
        assertThat(format.movie("40697,Babylon 5,Sci-Fi"))
                .isEqualTo(new MovieLensFormat.MovieRow(40697, "Babylon 5", null, "Sci-Fi"));
        assertThat(format.movie("5,Number (12),Drama").title()).isEqualTo("Number (12)");
        assertThat(format.movie("6,(1999),Drama").title()).isEqualTo("(1999)");
    }

    @Test
    void readsGenreLists() throws BadRow {
        assertThat(MovieLensFormat.genreNames("Comedy|Romance")).containsExactly("Comedy", "Romance");
        assertThat(MovieLensFormat.genreNames("(no genres listed)")).isEmpty();
        assertThat(MovieLensFormat.genreNames("")).isEmpty();
        assertThatThrownBy(() -> MovieLensFormat.genreNames("x".repeat(51))).isInstanceOf(BadRow.class);
        assertThatThrownBy(() -> MovieLensFormat.genreNames("A|".repeat(21))).hasMessage("has more than 20 genres");
    }

    @Test
    void readsLinksWithEmptyIds() throws BadRow {
        assertThat(format.link("1,0114709,862")).isEqualTo(new MovieLensFormat.LinkRow(1, "0114709", 862L));
        assertThat(format.link("2,0113497,")).isEqualTo(new MovieLensFormat.LinkRow(2, "0113497", null));
    }

    @Test
    void readsTagsWithTheirSearchKey() throws BadRow {
        assertThat(format.tag("2,60756,Highly   quotable,1445714996"))
                .isEqualTo(new MovieLensFormat.TagRow(60756, "Highly quotable", "highly quotable"));
        assertThatThrownBy(() -> format.tag("2,60756,  ,1")).hasMessage("has an empty tag");
        assertThatThrownBy(() -> format.tag("2,60756,\"" + "t".repeat(101) + "\",1"))
                .hasMessage("has a tag longer than 100 characters");
    }

    @Test
    void takesOnlyTheMovieOfARating() throws BadRow {
        assertThat(format.ratedMovie("1,31,2.5,1260759144")).isEqualTo(31);
        assertThatThrownBy(() -> format.ratedMovie("1,x,2.5,1")).isInstanceOf(BadRow.class);
    }

    @Test
    void recognisesHeadersInAnyCase() {
        assertThat(MovieLensFormat.isHeader("movieId,title,genres", ImportFile.MOVIES))
                .isTrue();
        assertThat(MovieLensFormat.isHeader("MOVIEID,TITLE,GENRES ", ImportFile.MOVIES))
                .isTrue();
        assertThat(MovieLensFormat.isHeader("1,Toy Story (1995),Comedy", ImportFile.MOVIES))
                .isFalse();
    }
}
