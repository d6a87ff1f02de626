package org.cinemates.preference.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists in the files members bring: Letterboxd's list export and Trakt's list files. */
class HistoryFilesListTest {

    private static final HistoryFiles.Limits LIMITS = new HistoryFiles.Limits(1000, 300L << 20, 200, 500_000);

    private static List<ImportRow> read(String name, String text) {
        return HistoryFiles.read(name, text.getBytes(StandardCharsets.UTF_8), LIMITS)
                .rows();
    }

    private static ImportRow.ListPart part(ImportRow row) {
        return java.util.Objects.requireNonNull(row.list(), "a list row");
    }

    @Test
    void aRankedLetterboxdListKeepsItsOrderNotesAndDescription() {
        List<ImportRow> rows = read("heist-nights.csv", """
                Letterboxd list export v7
                Date,Name,Tags,URL,Description
                2024-01-01,Heist nights,,https://boxd.it/l1,"<p>Crews &amp; vaults.</p>"

                Position,Name,Year,URL,Description
                2,Rififi,1955,https://boxd.it/f2,
                1,The Killing,1956,https://boxd.it/f1,<i>Kubrick</i> before the fame
                """);

        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.kind()).isEqualTo(ImportRow.Kind.LIST_ITEM);
            assertThat(part(row).name()).isEqualTo("Heist nights");
            assertThat(part(row).description()).isEqualTo("Crews & vaults.");
            assertThat(part(row).ranked()).isTrue();
        });
        assertThat(part(rows.get(0)).position()).isEqualTo(2);
        assertThat(part(rows.get(1)).note()).isEqualTo("Kubrick before the fame");
        assertThat(rows.get(1).where()).isEqualTo("heist-nights.csv line 7");
        assertThat(rows.get(1).title()).isEqualTo("The Killing");
    }

    @Test
    void aListWithoutPositionsIsNotRankedAndKeepsTheFilesOrder() {
        List<ImportRow> rows = read("list.csv", """
                Letterboxd list export v7
                Date,Name,Tags,URL,Description,Visibility
                2024-01-01,Someday,,,,PUBLIC

                Position,Name,Year,URL,Description
                ,Rififi,1955,,
                ,The Killing,1956,,
                """);

        assertThat(rows).extracting(row -> part(row).ranked()).containsOnly(false);
        assertThat(rows).extracting(row -> part(row).position()).containsExactly(1, 2);
        assertThat(rows).extracting(row -> part(row).visibility()).containsOnly("PUBLIC");
    }

    @Test
    void aListExportWithoutItsBlocksIsRefusedWithTheReason() {
        assertThatThrownBy(() -> read("list.csv", "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n"))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("blank line");
        assertThatThrownBy(() -> read("list.csv", "Letterboxd list export v7\nDate,Name\nx,y\n\nFilm,When\na,b\n"))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("Name and Year");
    }

    @Test
    void aTraktListIsNamedAfterItsFileAndRankedByItsRanks() {
        List<ImportRow> rows = read("lists-list-heist-nights.json", """
                [{"rank":1,"notes":"First","type":"movie",
                  "movie":{"title":"Rififi","year":1955,"ids":{"imdb":"tt0048021","tmdb":934}}}]
                """);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(part(row).name()).isEqualTo("Heist nights");
            assertThat(part(row).ranked()).isTrue();
            assertThat(part(row).note()).isEqualTo("First");
            assertThat(row.imdbId()).isEqualTo("tt0048021");
        });
    }

    @Test
    void aListNameIsPlainTextOfAtMostAHundredCharacters() {
        String longName = "Films I <3 & more " + "x".repeat(300);
        List<ImportRow> rows = read(
                "list.csv",
                "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n" + "2024-01-01,\"" + longName
                        + "\",,,\n\nPosition,Name,Year,URL,Description\n1,Rififi,1955,,\n");

        String name = part(rows.get(0)).name();
        assertThat(name).hasSize(100).startsWith("Films I <3 & more xxx");
        assertThat(HistoryFiles.visibleName("Two\nlines\u0007 " + "\uD83C\uDFAC".repeat(60)))
                .startsWith("Two lines")
                .hasSizeLessThanOrEqualTo(100)
                .satisfies(text -> assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1)))
                        .isFalse());
    }

    @Test
    void aListsDescriptionAndItsNotesAreTrimmedToWhatAListKeeps() {
        String words = "Crews &amp; vaults. ".repeat(200);

        List<ImportRow> rows = read(
                "list.csv",
                "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n"
                        + "2024-01-01,Heists,,,\"" + words + "\"\n\nPosition,Name,Year,URL,Description\n"
                        + "1,Rififi,1955,,\"" + words + "\"\n");

        assertThat(part(rows.get(0)).description()).hasSize(2000).startsWith("Crews & vaults. Crews");
        assertThat(part(rows.get(0)).note()).hasSize(1000).startsWith("Crews & vaults.");
    }

    @Test
    void textOfAmpersandsIsReadInOnePass() {
        String ampersands = "&".repeat(2_000_000);

        // Looking for each ampersand's ';' to the end of the text would take minutes.
        String text = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(3), () -> String.valueOf(ReviewText.of(ampersands)));

        assertThat(text).isEqualTo(ampersands);
    }

    @Test
    void aTraktListTakesItsNameAndDescriptionFromListsListsJson() {
        String lists = """
                [{"name":"Heist Nights!","description":"Crews and vaults","privacy":"private","sort_by":"rank",
                  "ids":{"trakt":123,"slug":"heist-nights"}},
                 {"name":"Other","ids":{"trakt":7,"slug":"other"}}]
                """;
        String items = """
                [{"rank":1,"type":"movie","movie":{"title":"Rififi","year":1955,"ids":{"tmdb":934}}}]
                """;
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("lists-list-123-heist-nights.json", items.getBytes(StandardCharsets.UTF_8));
        files.put("lists-list-other.json", items.getBytes(StandardCharsets.UTF_8));
        files.put("lists-list-9-unknown-one.json", items.getBytes(StandardCharsets.UTF_8));
        files.put("lists-lists.json", lists.getBytes(StandardCharsets.UTF_8));

        List<ImportRow> rows =
                HistoryFiles.read("trakt.zip", Uploads.zip(files), LIMITS).rows();

        assertThat(rows).extracting(row -> part(row).name()).containsExactly("Heist Nights!", "Other", "Unknown one");
        assertThat(part(rows.get(0)).description()).isEqualTo("Crews and vaults");
        assertThat(part(rows.get(2)).description()).isNull();
    }
}
