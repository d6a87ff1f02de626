package org.cinemates.recommender.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RatingsCsvTest {

    private static RatingsCsv.Result read(String csv) throws IOException {
        return RatingsCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsMovieLensRatingsSkippingTheHeader() throws IOException {
        RatingsCsv.Result result = read("""
                userId,movieId,rating,timestamp
                1,31,2.5,1260759144
                1,1029,3.0,1260759179
                7,31,5,1260759185
                """);

        Ratings ratings = result.ratings();
        assertThat(result.badRowCount()).isZero();
        assertThat(ratings.size()).isEqualTo(3);
        assertThat(ratings.userCount()).isEqualTo(2);
        assertThat(ratings.itemCount()).isEqualTo(2);
        int user1 = ratings.users().indexOf(1);
        int user7 = ratings.users().indexOf(7);
        int movie31 = ratings.items().indexOf(31);
        int movie1029 = ratings.items().indexOf(1029);
        assertThat(ratings.score(user1, movie31)).isEqualTo(2.5f);
        assertThat(ratings.score(user1, movie1029)).isEqualTo(3.0f);
        assertThat(ratings.score(user7, movie31)).isEqualTo(5.0f);
        assertThat(ratings.score(user7, movie1029)).isNaN();
        assertThat(ratings.mean()).isEqualTo((2.5 + 3.0 + 5.0) / 3);
    }

    @Test
    void reportsBadRowsWithTheirLineNumbersAndKeepsTheGoodOnes() throws IOException {
        RatingsCsv.Result result = read("""
                userId,movieId,rating,timestamp
                1,31,2.5,1260759144
                1,abc,3.0,1260759179
                2,31,7.0,1260759179
                2,32

                3,33,4.0,1260759179,extra
                4,34,,1260759179
                5,35,4.5,1260759179\r
                6,36,0.5""");

        assertThat(result.ratings().size()).isEqualTo(3);
        assertThat(result.badRowCount()).isEqualTo(5);
        assertThat(result.badRows()).extracting(RatingsCsv.BadRow::line).containsExactly(3L, 4L, 5L, 7L, 8L);
        assertThat(result.badRows().get(0).reason()).contains("movieId");
        assertThat(result.badRows().get(0).text()).isEqualTo("1,abc,3.0,1260759179");
        assertThat(result.badRows().get(1).reason()).contains("rating 7.0 outside");
        assertThat(result.badRows().get(2).reason()).contains("missing column rating");
        assertThat(result.badRows().get(3).reason()).contains("more than 4 columns");
        assertThat(result.badRows().get(4).reason()).contains("rating is empty");
        assertThat(result.badRows().get(0).toString()).startsWith("line 3: ");
    }

    @Test
    void readsRowsWithoutHeaderOrTimestamp() throws IOException {
        RatingsCsv.Result result = read("1,2,4.0\n1,3,3.5\n");

        assertThat(result.badRowCount()).isZero();
        assertThat(result.ratings().size()).isEqualTo(2);
    }

    @Test
    void aRepeatedRatingKeepsTheLastScore() throws IOException {
        RatingsCsv.Result result = read("1,2,4.0,1\n1,3,2.0,2\n1,2,1.5,3\n");

        Ratings ratings = result.ratings();
        assertThat(ratings.size()).isEqualTo(2);
        assertThat(ratings.score(0, ratings.items().indexOf(2))).isEqualTo(1.5f);
    }

    @Test
    void keepsWhenEachRatingWasMadeAndTheLastTimeOfARepeat() throws IOException {
        RatingsCsv.Result result = read("1,2,4.0,964982703\n1,3,2.0,964982224\n1,2,1.5,964983000\n");

        Ratings ratings = result.ratings();
        assertThat(ratings.hasTimes()).isTrue();
        int second = ratings.positionOf(0, ratings.items().indexOf(2));
        int third = ratings.positionOf(0, ratings.items().indexOf(3));
        assertThat(ratings.timeAt(second)).isEqualTo(964983000 - Ratings.TIME_ORIGIN_EPOCH_SECOND);
        assertThat(ratings.timeAt(third)).isEqualTo(964982224 - Ratings.TIME_ORIGIN_EPOCH_SECOND);
        assertThat(read("1,2,4.0\n").ratings().hasTimes()).isFalse();
    }

    @Test
    void readsLinesAcrossBufferBoundaries() throws IOException {
        StringBuilder csv = new StringBuilder("userId,movieId,rating,timestamp\n");
        int rows = 120_000; // well past one 1 MB buffer
        for (int k = 0; k < rows; k++) {
            csv.append(k % 1000).append(',').append(k / 1000).append(",4.5,1260759144\n");
        }
        RatingsCsv.Result result = read(csv.toString());

        assertThat(result.badRowCount()).isZero();
        assertThat(result.ratings().size()).isEqualTo(rows);
        assertThat(result.ratings().userCount()).isEqualTo(1000);
        assertThat(result.ratings().itemCount()).isEqualTo(120);
    }
}
