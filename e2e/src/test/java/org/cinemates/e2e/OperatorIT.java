package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** What operators do with the cinemates command while the system runs. */
@Order(7)
class OperatorIT extends EndToEnd {

    @Test
    void anOperatorMakesAMemberAdminAndTheNextTokenCarriesIt() throws Exception {
        Member curator = join("Curator");
        assertThat(TestTokens.roles(curator.accessToken())).containsExactly("USER");

        cinemates("admin", "grant", curator.username());
        assertThat(curator.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(TestTokens.roles(curator.accessToken())).containsExactly("USER", "ADMIN");

        cinemates("admin", "revoke", curator.username());
        assertThat(curator.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(TestTokens.roles(curator.accessToken())).containsExactly("USER");
    }
}
