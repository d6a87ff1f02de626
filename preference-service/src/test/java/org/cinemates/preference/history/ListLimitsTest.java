package org.cinemates.preference.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A list's 1,000 movies and a member's 500 lists, as the analysis keeps them. */
class ListLimitsTest {

    private static Analysed.Row row(int number, String list, int position) {
        return row(number, list, position, Analysed.Status.MATCHED);
    }

    private static Analysed.Row row(int number, String list, int position, Analysed.Status status) {
        return new Analysed.Row(
                number,
                ImportRow.Kind.LIST_ITEM,
                status,
                "lists/x.csv line " + number,
                "Film " + number,
                2000,
                (long) number,
                List.of(),
                null,
                null,
                null,
                false,
                List.of(),
                null,
                new ImportRow.ListPart(list, null, true, position, null, null));
    }

    @Test
    void moviesPastAListsThousandAreRowsThatCannotBeImported() {
        List<Analysed.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            rows.add(row(i, "Long", i));
        }

        List<Analysed.Row> checked = ImportService.withinListLimits(rows, Set.of(), 0);

        assertThat(checked.subList(0, 1000)).allMatch(row -> row.status() == Analysed.Status.MATCHED);
        assertThat(checked.subList(1000, 2000)).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(Analysed.Status.INVALID);
            assertThat(row.problem()).isEqualTo("a list holds at most 1000 movies");
        });
        assertThat(ImportService.counts(checked).lists()).isEqualTo(1);
    }

    @Test
    void listsPastAMembersFiveHundredAreRowsThatCannotBeImported() {
        List<Analysed.Row> rows = new ArrayList<>();
        rows.add(row(1, "List 1", 1, Analysed.Status.DUPLICATE));
        for (int i = 2; i <= 12; i++) {
            rows.add(row(i, "List " + i, 1));
        }

        List<Analysed.Row> checked = ImportService.withinListLimits(rows, Set.of("list 1"), 490);

        // "List 1" is the member's already; of the eleven new ones, ten fit.
        assertThat(checked.stream().filter(row -> row.status() == Analysed.Status.INVALID))
                .singleElement()
                .satisfies(row -> {
                    assertThat(java.util.Objects.requireNonNull(row.list()).name())
                            .isEqualTo("List 12");
                    assertThat(row.problem()).isEqualTo("a member keeps at most 500 lists");
                });
        assertThat(ImportService.counts(checked).lists()).isEqualTo(10);
    }
}
