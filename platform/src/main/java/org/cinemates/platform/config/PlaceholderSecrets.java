package org.cinemates.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Refuses to start with a placeholder secret ({@code change-me}, as {@code .env.example} and the
 * Kubernetes base ship them) unless the instance runs for local development ({@code
 * cinemates.local-development=true}, which the launcher and the dev overlay set): a copied
 * example file must never reach the internet with a secret everybody knows.
 */
public final class PlaceholderSecrets {

    static final String PLACEHOLDER = "change-me";

    /** Settings that hold secrets, in the names Spring binds them under. */
    static final List<String> SECRETS = List.of(
            "spring.datasource.password",
            "spring.datasource.url",
            "cinemates.security.service-token",
            "cinemates.users.keys.encryption-secret",
            "cinemates.redis.url");

    private PlaceholderSecrets() {}

    /** @throws IllegalStateException naming every setting that still holds the placeholder */
    public static void check(Environment environment) {
        if (environment.getProperty("cinemates.local-development", Boolean.class, false)) {
            return;
        }
        List<String> placeholders = new ArrayList<>();
        for (String name : SECRETS) {
            String value = environment.getProperty(name);
            if (value != null && value.toLowerCase(Locale.ROOT).contains(PLACEHOLDER)) {
                placeholders.add(name);
            }
        }
        if (!placeholders.isEmpty()) {
            throw new IllegalStateException("Placeholder secret '" + PLACEHOLDER + "' in " + placeholders
                    + ": give each a value of its own (e.g. openssl rand -hex 32), or set"
                    + " CINEMATES_LOCAL_DEVELOPMENT=true for a local development run");
        }
    }
}
