package org.cinemates.platform.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/** Fetches user-service's revocation list over HTTP with the service credential. */
public class HttpRevocationSource implements RevocationSource {

    private final RestClient client;
    private final URI uri;

    public HttpRevocationSource(RestClient.Builder builder, URI uri, @Nullable String serviceToken, Duration timeout) {
        this.uri = uri;
        RestClient.Builder configured = builder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .build(HttpClientSettings.defaults().withTimeouts(timeout, timeout)));
        if (serviceToken != null && !serviceToken.isBlank()) {
            configured.defaultHeader(ServiceCredential.HEADER, serviceToken);
        }
        this.client = configured.build();
    }

    @Override
    public Revocation.Batch since(Instant since) {
        URI query = UriComponentsBuilder.fromUri(uri)
                .queryParam("since", since.toString())
                .build()
                .toUri();
        return Objects.requireNonNull(
                client.get().uri(query).retrieve().body(Revocation.Batch.class), "the revocation list has a body");
    }
}
