package org.cinemates.user.account;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a password must be: 10 to 128 characters, not the username or email, not on the list of
 * commonly used passwords that zxcvbn maintains, and not trivially guessable (a run, a repeat or a
 * keyboard walk).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;
    private final Zxcvbn strength = new Zxcvbn();

    public PasswordPolicy() {
        try {
            this.common =
                    Set.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies());
        } catch (IOException e) {
            throw new UncheckedIOException("The common-password list ships inside zxcvbn", e);
        }
    }

    public void check(String password, String username, String email) {
        String problem = problem(password, username, email);
        if (problem != null) {
            throw new ValidationFailed("password", problem);
        }
    }

    /** What is wrong with the password, or null when it is acceptable. */
    public @Nullable String problem(String password, String username, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.equals(username) || lower.equals(email) || lower.equals(localPart(email))) {
            return "must not be your username or email";
        }
        if (common.contains(lower)
                || strength.measure(password, List.of(username, email)).getScore() == 0) {
            return "is too commonly used; choose another";
        }
        return null;
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }
}
