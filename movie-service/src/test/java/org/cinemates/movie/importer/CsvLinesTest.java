package org.cinemates.movie.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLinesTest {

    @Test
    void readsLinesWithAnyLineBreakAndNumbersThem() throws IOException {
        List<CsvLines.Line> lines = read("one\r\ntwo\nthree".getBytes(StandardCharsets.UTF_8), 100);
        assertThat(lines).extracting(CsvLines.Line::number).containsExactly(1L, 2L, 3L);
        assertThat(lines).extracting(CsvLines.Line::text).containsExactly("one", "two", "three");
    }

    @Test
    void dropsTheByteOrderMarkOfTheFirstLineOnly() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] content = concat(bom, "movieId\n".getBytes(StandardCharsets.UTF_8));
        assertThat(read(content, 100).get(0).text()).isEqualTo("movieId");
    }

    @Test
    void decodesUtf8StrictlyLineByLine() throws IOException {
        byte[] content = concat(
                "Amélie\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'b', 'a', 'd', (byte) 0xFF, '\n'},
                "after\n".getBytes(StandardCharsets.UTF_8));
        List<CsvLines.Line> lines = read(content, 100);
        assertThat(lines.get(0).text()).isEqualTo("Amélie");
        assertThat(lines.get(1).text()).isNull();
        assertThat(lines.get(1).problem()).isEqualTo("is not valid UTF-8");
        assertThat(lines.get(2).text()).isEqualTo("after");
    }

    @Test
    void skipsOverlongLinesToTheirEndWithoutHoldingThem() throws IOException {
        byte[] content = concat(
                "x".repeat(1_000_000).getBytes(StandardCharsets.UTF_8), "\nnext\n".getBytes(StandardCharsets.UTF_8));
        List<CsvLines.Line> lines = read(content, 64);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).problem()).isEqualTo("is longer than 64 bytes");
        assertThat(lines.get(1).text()).isEqualTo("next");
        assertThat(lines.get(1).number()).isEqualTo(2);
    }

    @Test
    void countsLinesWithOrWithoutAFinalLineBreak() throws IOException {
        assertThat(CsvLines.count(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(2);
        assertThat(CsvLines.count(new ByteArrayInputStream("a\nb".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(2);
        assertThat(CsvLines.count(new ByteArrayInputStream(new byte[0]))).isZero();
    }

    private static List<CsvLines.Line> read(byte[] content, int maxLine) throws IOException {
        List<CsvLines.Line> lines = new ArrayList<>();
        try (CsvLines reader = new CsvLines(new ByteArrayInputStream(content), maxLine)) {
            for (CsvLines.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
