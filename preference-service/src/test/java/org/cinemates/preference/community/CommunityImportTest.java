package org.cinemates.preference.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommunityImportTest {

    @Test
    void parsesMovieLensRows() {
        assertThat(CommunityImport.parse("1,31,2.5,1260759144"))
                .isEqualTo(new CommunityImport.Row(1, 31, 2.5, 1260759144));
        assertThat(CommunityImport.parse(" 7 ,8, 5 ,0").score()).isEqualTo(5.0);
    }

    @Test
    void rejectsBadRowsSayingWhy() {
        assertThatThrownBy(() -> CommunityImport.parse("1,31,2.4,1")).hasMessageContaining("half stars");
        assertThatThrownBy(() -> CommunityImport.parse("1,31,0,1")).hasMessageContaining("half stars");
        assertThatThrownBy(() -> CommunityImport.parse("1,31,5.5,1")).hasMessageContaining("half stars");
        assertThatThrownBy(() -> CommunityImport.parse("1,31,NaN,1")).hasMessageContaining("half stars");
        assertThatThrownBy(() -> CommunityImport.parse("-1,31,3,1")).hasMessageContaining("userId must be positive");
        assertThatThrownBy(() -> CommunityImport.parse("1,x,3,1")).hasMessageContaining("movieId is not a number");
        assertThatThrownBy(() -> CommunityImport.parse("1,2,3,soon")).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> CommunityImport.parse("1,2,3")).hasMessageContaining("4 fields");
        assertThatThrownBy(() -> CommunityImport.parse("")).hasMessageContaining("4 fields");
    }
}
