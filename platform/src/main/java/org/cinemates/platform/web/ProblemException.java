package org.cinemates.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * Base for exceptions named after what happened ({@code MovieNotFound}, {@code AlreadyFriends}).
 * Each carries its own problem detail; {@link ProblemDetailsAdvice} renders it.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        super(status, Problems.of(status, slug, title, detail), null);
    }

    @Override
    public String getMessage() {
        String detail = getBody().getDetail();
        return detail != null ? detail : super.getMessage();
    }
}
