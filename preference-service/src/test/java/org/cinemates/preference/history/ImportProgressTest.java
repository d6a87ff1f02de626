package org.cinemates.preference.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportProgressTest {

    private final List<Integer> reports = new ArrayList<>();

    @Test
    void reportsEachTimeAnotherStepOfRowsIsDoneAndTheTotalAtTheEnd() {
        ImportProgress progress = new ImportProgress(2500, 1000, reports::add);

        for (int i = 0; i < 8; i++) {
            progress.advance(300);
        }

        assertThat(reports).containsExactly(1200, 2100);
        assertThat(progress.done()).isEqualTo(2400);
        progress.finish();
        assertThat(reports).containsExactly(1200, 2100, 2500);
        assertThat(progress.done()).isEqualTo(progress.total());
    }

    @Test
    void neverCountsPastTheTotalNorReportsTheTotalTwice() {
        ImportProgress progress = new ImportProgress(1000, 1000, reports::add);

        progress.advance(600);
        progress.advance(600);
        progress.advance(-5);
        progress.finish();

        assertThat(reports).containsExactly(1000);
        assertThat(progress.done()).isEqualTo(1000);
    }

    @Test
    void anEmptyImportIsReportedDoneOnce() {
        ImportProgress progress = new ImportProgress(0, 1000, reports::add);

        progress.finish();

        assertThat(reports).containsExactly(0);
    }

    @Test
    void refusesANonsensicalStep() {
        assertThatThrownBy(() -> new ImportProgress(10, 0, reports::add)).isInstanceOf(IllegalArgumentException.class);
    }
}
