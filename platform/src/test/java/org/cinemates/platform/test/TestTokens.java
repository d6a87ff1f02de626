package org.cinemates.platform.test;

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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens as user-service issues them, for testing the services that verify them: an RSA
 * key, a JWKS endpoint that publishes it on a loopback port, and RFC 9068 tokens signed with it.
 * Close it to stop the endpoint.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "cinemates";
    public static final String AUDIENCE = "cinemates-api";
    public static final String CLIENT_ID = "cinemates";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RSAKey key;
    private final HttpServer jwks;

    private TestTokens(RSAKey key, HttpServer jwks) {
        this.key = key;
        this.jwks = jwks;
    }

    /** Makes a key and starts publishing it; point {@code cinemates.security.jwt.jwks-uri} at {@link #jwksUri()}. */
    public static TestTokens start() {
        try {
            RSAKey key = newKey("test-key-" + UUID.randomUUID());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
            server.createContext("/api/auth/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new TestTokens(key, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/api/auth/jwks.json";
    }

    public RSAKey key() {
        return key;
    }

    /** A valid token for member {@code id} with these roles. */
    public String member(long id, String username, String... roles) {
        return sign(claims(id, username, List.of(roles)), key, "at+jwt");
    }

    /** A token from {@link #claims} changed by {@code change}, e.g. to test one flaw. */
    public String sign(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claimsBuilder(42, "someone", List.of("USER"))).build(), key, "at+jwt");
    }

    /** The claims user-service puts in an access token. */
    public static JWTClaimsSet claims(long id, String username, List<String> roles) {
        return claimsBuilder(id, username, roles).build();
    }

    public static JWTClaimsSet.Builder claimsBuilder(long id, String username, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(Long.toString(id))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", CLIENT_ID)
                .claim("preferred_username", username)
                .claim("roles", roles);
    }

    /** Signs with RS256 and the given {@code typ} header ({@code at+jwt} for access tokens). */
    public static String sign(JWTClaimsSet claims, RSAKey key, String type) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(new JOSEObjectType(type))
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token, read without checking it. */
    public static JsonNode payload(String token) {
        return part(token, 1);
    }

    /** The JOSE header of a token, read without checking it. */
    public static JsonNode header(String token) {
        return part(token, 0);
    }

    /** The {@code roles} claim of a token. */
    public static List<String> roles(String token) {
        return payload(token)
                .path("roles")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private static JsonNode part(String token, int index) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
        return JSON.readTree(new String(json, StandardCharsets.UTF_8));
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        jwks.stop(0);
    }
}
