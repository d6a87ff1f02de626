package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What operators do with the cinemates command while the system runs. */
@Order(7)
class OperatorIT extends EndToEnd {

    @Test
    void anOperatorMakesAMemberAdminAndTheNextTokenCarriesIt() throws Exception {
        Member curator = join("Curator");
        assertThat(roles(curator.accessToken())).containsExactly("USER");

        cinemates("admin", "grant", curator.username());
        assertThat(curator.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(roles(curator.accessToken())).containsExactly("USER", "ADMIN");

        cinemates("admin", "revoke", curator.username());
        assertThat(curator.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(roles(curator.accessToken())).containsExactly("USER");
    }

    private static List<String> roles(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder()
                .build()
                .readTree(payload)
                .path("roles")
                .valueStream()
                .map(role -> role.asString())
                .toList();
    }
}
