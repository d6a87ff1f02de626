package org.cinemates.platform.http;

import java.io.IOException;
import org.cinemates.platform.security.ServiceCredential;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
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
