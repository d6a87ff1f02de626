package org.cinemates.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Access tokens verified lately, remembered for {@link #MEMORY}: a member's next requests skip the
 * token's parsing and its RSA signature check, most of what authentication costs a request. A token
 * is remembered by its whole text, signature included, so only the very token that was verified
 * matches. A remembered token is validated again on every use (expiry, issuer, audience, ...);
 * revocation is not this class's business ({@link RevokedTokens#guard} checks it on every request,
 * around this decoder). The memory is shorter than the time other services trust published keys,
 * so a key withdrawn from the JWKS stops working no later than before.
 */
public final class RememberedTokens implements JwtDecoder {

    static final Duration MEMORY = Duration.ofMinutes(1);

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfterWrite(MEMORY)
            .build();

    /**
     * @param decoder verifies tokens not remembered (their signature and claims)
     * @param validator the claim checks, run again on remembered tokens
     */
    public RememberedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = decoder.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known;
    }
}
