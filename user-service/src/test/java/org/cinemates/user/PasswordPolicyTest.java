package org.cinemates.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cinemates.platform.web.ValidationFailed;
import org.cinemates.user.account.PasswordPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"correct-horse-battery", "Popcorn and 3 subtitles", "zW9!qT3#vL1$", "ééééé-ñandú-42"})
    void acceptsPasswordsNobodyGuesses(String password) {
        assertThatCode(() -> POLICY.check(password, "marion", "marion@example.org"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short-1", "123456789"})
    void refusesShortPasswords(String password) {
        assertThatThrownBy(() -> POLICY.check(password, "marion", "marion@example.org"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("between 10 and 128");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "PASSWORD123", "qwertyuiop", "1234567890", "aaaaaaaaaaaa", "abcdefghijkl"})
    void refusesCommonAndTrivialPasswords(String password) {
        assertThatThrownBy(() -> POLICY.check(password, "marion", "marion@example.org"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("commonly used");
    }

    @ParameterizedTest
    @ValueSource(strings = {"marion_cinephile", "MARION_CINEPHILE", "marion_cinephile@example.org"})
    void refusesTheUsernameOrEmail(String password) {
        assertThatThrownBy(() -> POLICY.check(password, "marion_cinephile", "marion_cinephile@example.org"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("username or email");
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongPasswords() {
        assertThatThrownBy(() -> POLICY.check("x".repeat(120) + "Y9!-zzzzz", "marion", "m@example.org"))
                .isInstanceOf(ValidationFailed.class);
    }
}
