package org.cinemates.platform.http;

import java.io.IOException;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.cinemates.platform.security.ServiceCredential;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Typed clients for other Cinemates services, declared as {@code @HttpExchange} interfaces. Every
 * client has connect and read timeouts, sends the service credential, relays the member's access
 * token when called on a member's behalf, and turns "no answer" and server errors into {@link
 * DependencyUnavailable} so callers can degrade instead of failing.
 */
public class ServiceClients {

    /** Connections kept open to one service, at most: calls in flight to it beyond this wait for one. */
    private static final int MAX_CONNECTIONS = 200;

    /** A pooled connection idle for longer is checked before a call uses it. */
    private static final TimeValue CHECK_IDLE_AFTER = TimeValue.ofSeconds(2);

    private final RestClient.Builder builder;
    private final @Nullable String serviceToken;

    public ServiceClients(RestClient.Builder builder, @Nullable String serviceToken) {
        this.builder = builder;
        this.serviceToken = serviceToken;
    }

    public <T> T create(Class<T> api, ServiceEndpoint endpoint) {
        RestClient client = restClient(endpoint);
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(api);
    }

    public RestClient restClient(ServiceEndpoint endpoint) {
        var settings = HttpClientSettings.defaults().withTimeouts(endpoint.connectTimeout(), endpoint.readTimeout());
        RestClient.Builder client = builder.clone()
                .baseUrl(endpoint.baseUrl().toString())
                .requestFactory(requestFactory(settings))
                .requestInterceptor(relayMemberToken())
                .requestInterceptor(unavailableOnIoError(endpoint.name()))
                .defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
                    throw new DependencyUnavailable(endpoint.name());
                });
        if (serviceToken != null && !serviceToken.isBlank()) {
            client.defaultHeader(ServiceCredential.HEADER, serviceToken);
        }
        return client.build();
    }

    /**
     * Apache HttpClient's blocking client: a call runs on the calling thread from start to end,
     * over a pooled keep-alive connection (the JDK's client hands every exchange across its
     * selector and worker threads). Its pool's default of 5 connections per service would queue
     * calls; up to {@code MAX_CONNECTIONS} are kept per service instead. A connection idle for a
     * while is checked before it is used again, and an idempotent call that found it closed by the
     * other side is made once more; an answer is never asked again (the client would ask again
     * after a 503 or 429 by default, a second later, where the caller should degrade at once).
     */
    private static ClientHttpRequestFactory requestFactory(HttpClientSettings settings) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(connections ->
                        connections.setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS))
                .withConnectionConfigCustomizer(connection -> connection.setValidateAfterInactivity(CHECK_IDLE_AFTER))
                .withHttpClientCustomizer(client -> client.setRetryStrategy(new OnlyBrokenConnectionsAgain()))
                .build(settings);
    }

    /** Makes an idempotent call once more when its connection broke; never asks again after an answer. */
    private static final class OnlyBrokenConnectionsAgain extends DefaultHttpRequestRetryStrategy {

        OnlyBrokenConnectionsAgain() {
            super(1, TimeValue.ZERO_MILLISECONDS);
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }
    }

    private static ClientHttpRequestInterceptor relayMemberToken() {
        return (request, body, execution) -> {
            if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
                request.getHeaders().setBearerAuth(token.getToken().getTokenValue());
            }
            return execution.execute(request, body);
        };
    }

    private static ClientHttpRequestInterceptor unavailableOnIoError(String service) {
        return (request, body, execution) -> {
            try {
                return execution.execute(request, body);
            } catch (IOException e) {
                throw new DependencyUnavailable(service);
            }
        };
    }
}
