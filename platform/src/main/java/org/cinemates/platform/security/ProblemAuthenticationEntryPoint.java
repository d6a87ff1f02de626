package org.cinemates.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cinemates.platform.web.ProblemWriter;
import org.cinemates.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as problem details; says whether the token was missing or bad, never why it was bad. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    public ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
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
