package org.cinemates.movie.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void ignoresCaseAccentsAndPunctuation() {
        assertThat(SearchText.normalize("Amélie")).isEqualTo("amelie");
        assertThat(SearchText.normalize("TOY-story")).isEqualTo("toy story");
        assertThat(SearchText.normalize("  Léon:  The Professional (1994) ")).isEqualTo("leon the professional 1994");
        assertThat(SearchText.normalize("Y tu mamá también")).isEqualTo("y tu mama tambien");
        assertThat(SearchText.normalize("WALL·E")).isEqualTo("wall e");
        assertThat(SearchText.normalize("Se7en")).isEqualTo("se7en");
    }

    @Test
    void dropsApostrophesSoPossessivesReadAsOneWord() {
        assertThat(SearchText.normalize("Schindler's List")).isEqualTo("schindlers list");
        assertThat(SearchText.normalize("Schindler’s List")).isEqualTo("schindlers list");
    }

    @Test
    void foldsLettersThatHaveNoAccentToStrip() {
        assertThat(SearchText.normalize("Æon Flux")).isEqualTo("aeon flux");
        assertThat(SearchText.normalize("Smultronstället")).isEqualTo("smultronstallet");
        assertThat(SearchText.normalize("Die Straße")).isEqualTo("die strasse");
        assertThat(SearchText.normalize("Łódź")).isEqualTo("lodz");
        assertThat(SearchText.normalize("ﬁnal")).isEqualTo("final");
    }

    @Test
    void keepsLettersOfOtherScripts() {
        assertThat(SearchText.normalize("千と千尋の神隠し")).isEqualTo("千と千尋の神隠し");
        assertThat(SearchText.normalize("Москва")).isEqualTo("москва");
    }

    @Test
    void leavesNothingThatLikePatternsWouldReadAsWildcards() {
        assertThat(SearchText.normalize("100% _pure_ \\fun\\")).isEqualTo("100 pure fun");
        assertThat(SearchText.normalize("?!...")).isEmpty();
        assertThat(SearchText.words("")).isEmpty();
        assertThat(SearchText.words("toy story")).containsExactly("toy", "story");
    }

    @Test
    void movesALeadingArticleToTheEndAsMovieLensDoes() {
        assertThat(SearchText.articleLast("the godfather"))
                .contains(new SearchText.ArticleLast("godfather the", "godfather", "the"));
        assertThat(SearchText.articleLast("godfather")).isEmpty();
        assertThat(SearchText.articleLast("theatre of blood")).isEmpty();
    }
}
