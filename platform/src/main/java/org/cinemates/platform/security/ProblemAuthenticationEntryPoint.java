package org.cinemates.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cinemates.platform.web.ProblemWriter;
import org.cinemates.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** 401 as problem details; says whether the token was missing or bad, never why it was bad. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ProblemWriter problems;

    public ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    /**
     * Failures of the Bearer token filter: a token that could not be checked because the keys were
     * out of reach is the issuer's outage (503), anything else is the token's fault (401). A token
     * naming a key that the key set did not have a moment ago is the token's fault too: the key set
     * is fetched again at most once a second, and a forged key id must not turn into a 503 for
     * everybody meanwhile.
     */
    public AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            if (exception instanceof AuthenticationServiceException && !unknownKey(exception)) {
                log.warn("Cannot verify access tokens: {}", exception.getMessage());
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problems.write(
                        request,
                        response,
                        Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "dependency-unavailable",
                                "Dependency unavailable",
                                "Access tokens cannot be verified right now; try again shortly"));
                return;
            }
            commence(
                    request,
                    response,
                    unknownKey(exception)
                            ? new InvalidBearerTokenException("The token names an unknown key", exception)
                            : exception);
        };
    }

    private static boolean unknownKey(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("com.nimbusds.jose.jwk.source.RateLimitReachedException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        boolean badToken = authException instanceof InvalidBearerTokenException
                || authException instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(
                request,
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        badToken ? "invalid-token" : "unauthenticated",
                        "Unauthenticated",
                        badToken ? "The access token is invalid or has expired" : "You need to log in first"));
    }
}
