package org.cinemates.preference.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Tokens of a deleted account are refused here, whatever user-service's revocation list says. */
@Component
class DeletedAccountGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final DeletedAccounts deleted;

    DeletedAccountGuard(DeletedAccounts deleted) {
        this.deleted = deleted;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // A member's authentication is named by the token's subject, the account id.
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && isDeleted(authentication.getName())) {
            throw new AccountGone();
        }
        return true;
    }

    private boolean isDeleted(String subject) {
        try {
            return deleted.isDeleted(Long.parseLong(subject));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

/** The token is valid, but its account was deleted. */
class AccountGone extends ProblemException {

    AccountGone() {
        super(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "This account no longer exists");
    }
}
