package org.cinemates.recommender.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdIndexTest {

    @Test
    void givesDenseIndexesInFirstSeenOrder() {
        IdIndex index = new IdIndex(2);
        assertThat(index.add(500)).isZero();
        assertThat(index.add(7)).isEqualTo(1);
        assertThat(index.add(500)).isZero();
        for (long id = 1_000; id < 2_000; id++) {
            index.add(id * 31);
        }
        assertThat(index.size()).isEqualTo(1_002);
        assertThat(index.indexOf(7)).isEqualTo(1);
        assertThat(index.indexOf(1_999 * 31)).isEqualTo(1_001);
        assertThat(index.id(1_001)).isEqualTo(1_999 * 31);
        assertThat(index.indexOf(8)).isEqualTo(-1);
    }

    @Test
    void frozenIndexesDoNotGrow() {
        IdIndex index = IdIndex.of(3, 1, 2);
        assertThat(index.toArray()).containsExactly(3, 1, 2);
        assertThatThrownBy(() -> index.add(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdIndex.of(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
