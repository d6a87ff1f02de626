package org.cinemates.recommender.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieContentCsvTest {

    @Test
    void genresAndDistinctTagsByMovie(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("movies.csv"), """
                movieId,title,genres
                1,"American President, The (1995)",Comedy|Drama|Romance
                2,Heat (1995),Action|Crime|Thriller
                x,Broken,Drama
                """);
        Files.writeString(folder.resolve("tags.csv"), """
                userId,movieId,tag,timestamp
                7,1,"politics, romance",1445714994
                8,1,Politics,1445714995
                9,1,"say \"\"hello\"\"",1445714996
                9,2,,1445714997
                """);

        MovieContentCsv.Content content = MovieContentCsv.read(folder);

        assertThat(content.genresOf(1)).containsExactly("Comedy", "Drama", "Romance");
        assertThat(content.genresOf(2)).containsExactly("Action", "Crime", "Thriller");
        assertThat(content.tagsOf(1)).containsExactly("politics, romance", "Politics", "say \"hello\"");
        assertThat(content.tagsOf(2)).isEmpty();
        assertThat(content.genres()).hasSize(2);
    }

    @Test
    void aFolderWithoutTheFilesHasNoContent(@TempDir Path folder) throws IOException {
        MovieContentCsv.Content content = MovieContentCsv.read(folder);

        assertThat(content.genres()).isEmpty();
        assertThat(content.tagsOf(1)).isEqualTo(List.of());
    }
}
