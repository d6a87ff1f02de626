package org.cinemates.platform.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to Cinemates the way its clients do. Each instance is one browser: it keeps cookies and,
 * like the web app, copies the {@code XSRF-TOKEN} cookie into the {@code X-XSRF-TOKEN} header of
 * every unsafe request. Requests can step out of that role to act as an API client (Bearer
 * header, no cookies) or as an attacker (planted cookies, no or foreign CSRF token).
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient withCookies;
    private final HttpClient withoutCookies;

    public ApiClient(String baseUrl) {
        this.base = URI.create(baseUrl);
        this.withCookies = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.withoutCookies =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    /** The value of a cookie this browser holds for the site root or the auth path. */
    public Optional<String> cookie(String name) {
        for (String path : new String[] {"/api/auth/", "/"}) {
            for (HttpCookie cookie : cookies.getCookieStore().get(base.resolve(path))) {
                if (cookie.getName().equals(name) && !cookie.hasExpired()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** One request being put together. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private @Nullable String body;
        private boolean csrf = true;
        private boolean sendCookies = true;
        private @Nullable String cookieHeader;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call json(Object value) {
            return rawJson(value instanceof String s ? s : JSON.writeValueAsString(value));
        }

        public Call rawJson(String json) {
            this.body = json;
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Call body(String raw, String contentType) {
            this.body = raw;
            headers.put("Content-Type", contentType);
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** Leaves out the CSRF header a browser app would add. */
        public Call withoutCsrf() {
            this.csrf = false;
            return this;
        }

        /** Sends exactly these cookies instead of the jar's, as an attacker or a bare API client. */
        public Call cookies(String cookieHeader) {
            this.sendCookies = false;
            this.cookieHeader = cookieHeader;
            return this;
        }

        public Call withoutCookies() {
            this.sendCookies = false;
            return this;
        }

        public ApiResponse send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            boolean unsafe = !method.equals("GET") && !method.equals("HEAD");
            if (unsafe && csrf && sendCookies && !headers.containsKey("X-XSRF-TOKEN")) {
                cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            }
            headers.forEach(request::header);
            if (cookieHeader != null) {
                request.header("Cookie", cookieHeader);
            }
            try {
                HttpResponse<String> response = (sendCookies ? withCookies : withoutCookies)
                        .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new ApiResponse(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
