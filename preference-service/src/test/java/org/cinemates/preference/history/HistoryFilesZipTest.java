package org.cinemates.preference.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * ZIPs written as a stream (java.util.zip and many tools put each entry's sizes in a data
 * descriptor after its data): a big entry that does not compress is an export like any other,
 * and one that unpacks far beyond the archive is a bomb.
 */
class HistoryFilesZipTest {

    private static final HistoryFiles.Limits LIMITS = new HistoryFiles.Limits(1000, 300L << 20, 200, 500_000);
    private static final String DIARY = """
            Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
            2024-03-02,The Matrix,1999,https://boxd.it/x1,4.5,,,2024-03-01
            """;

    @Test
    void aStreamedEntryOfSeveralMegabytesIsReadAndNamed() throws IOException {
        byte[] noise = new byte[3 << 20];
        new Random(7).nextBytes(noise);

        HistoryFiles.Parsed parsed = HistoryFiles.read("export.zip", streamedZip(noise), LIMITS);

        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.rows().get(0).score()).isEqualByComparingTo("4.5");
        assertThat(parsed.skipped()).anySatisfy(skipped -> assertThat(skipped).contains("extras/posters.bin"));
    }

    @Test
    void aStreamedEntryThatUnpacksFarBeyondTheArchiveIsRefused() throws IOException {
        byte[] zeros = new byte[40 << 20];

        assertThatThrownBy(() -> HistoryFiles.read("export.zip", streamedZip(zeros), LIMITS))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("packed");
    }

    private static byte[] streamedZip(byte[] other) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("diary.csv"));
            zip.write(DIARY.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("extras/posters.bin"));
            zip.write(other);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
