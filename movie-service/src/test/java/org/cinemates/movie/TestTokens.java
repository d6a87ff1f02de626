package org.cinemates.movie;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.cinemates.platform.security.CsrfTokens;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for user-service: signs RFC 9068 access tokens with its own RSA key and publishes the
 * key as a JWKS on a random loopback port, for the whole test JVM.
 */
public final class TestTokens {

    private static final RSAKey KEY = generate();
    private static final HttpServer JWKS = publish();
    private static final AtomicLong USERS = new AtomicLong(1000);

    private TestTokens() {}

    public static String jwksUri() {
        return "http://" + JWKS.getAddress().getAddress().getHostAddress() + ":"
                + JWKS.getAddress().getPort() + "/api/auth/jwks.json";
    }

    /** A Bearer token for a member with the ADMIN role. */
    public static String admin() {
        return token(List.of("USER", "ADMIN"), null);
    }

    /** A Bearer token for a member without special roles. */
    public static String member() {
        return token(List.of("USER"), null);
    }

    /** A browser session: the access token bound to a CSRF token, as user-service issues them. */
    public record Session(String accessToken, String xsrfToken) {

        public String cookies() {
            return "access_token=" + accessToken + "; XSRF-TOKEN=" + xsrfToken;
        }
    }

    public static Session adminSession() {
        String xsrf = CsrfTokens.generate();
        return new Session(token(List.of("USER", "ADMIN"), CsrfTokens.hash(xsrf)), xsrf);
    }

    private static String token(List<String> roles, @Nullable String xsrfHash) {
        long user = USERS.incrementAndGet();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("cinemates")
                .audience("cinemates-api")
                .subject(Long.toString(user))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "cinemates")
                .claim("preferred_username", "member" + user)
                .claim("roles", roles);
        if (xsrfHash != null) {
            claims.claim(CsrfTokens.CLAIM, xsrfHash);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(KEY.getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("test-" + UUID.randomUUID())
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer publish() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
            server.createContext("/api/auth/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
