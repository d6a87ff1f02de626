package org.cinemates.platform.http;

import java.net.URI;
import java.time.Duration;

/**
 * Where another service lives and how long to wait for it.
 *
 * @param name the service's name, as reported in {@code degraded} lists
 * @param baseUrl its base URL, e.g. {@code http://127.0.0.1:8081}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
public record ServiceEndpoint(String name, URI baseUrl, Duration connectTimeout, Duration readTimeout) {

    public static ServiceEndpoint of(String name, String baseUrl) {
        return new ServiceEndpoint(name, URI.create(baseUrl), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
