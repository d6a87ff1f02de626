package org.cinemates.platform.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies {@link CurrentUser} parameters from the verified token, and {@link Viewer} parameters
 * (the member, or an anonymous visitor) on endpoints that anyone may read.
 */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String USERNAME_CLAIM = "preferred_username";
    public static final String ROLES_CLAIM = "roles";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class || parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean viewer = parameter.getParameterType() == Viewer.class;
        if (authentication instanceof JwtAuthenticationToken token) {
            CurrentUser member = from(token.getToken());
            return viewer ? new Viewer(member) : member;
        }
        if (viewer) {
            return Viewer.anonymous();
        }
        throw new AuthenticationCredentialsNotFoundException("No member token");
    }

    static CurrentUser from(Jwt jwt) {
        String username = jwt.getClaimAsString(USERNAME_CLAIM);
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        Set<String> granted = roles != null ? new LinkedHashSet<>(roles) : Set.of();
        return new CurrentUser(
                Long.parseLong(jwt.getSubject()), username != null ? username : "", granted, jwt.getTokenValue());
    }
}
