package org.cinemates.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a calling service by the shared service token, compared in constant time. */
class ServiceCredentialFilter extends OncePerRequestFilter {

    private final @Nullable String expected;

    ServiceCredentialFilter(@Nullable String expected) {
        this.expected = expected == null || expected.isBlank() ? null : expected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(ServiceCredential.HEADER);
        if (expected != null && CsrfTokens.same(presented, expected)) {
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    "service", null, List.of(new SimpleGrantedAuthority("ROLE_" + ServiceCredential.ROLE)));
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        chain.doFilter(request, response);
    }
}
