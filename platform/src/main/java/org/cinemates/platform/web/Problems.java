package org.cinemates.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with a stable {@code type} per kind of failure, so clients can
 * switch on the type instead of parsing the human {@code detail}.
 */
public final class Problems {

    /** Every Cinemates problem type is a URN under this prefix followed by a short slug. */
    public static final String TYPE_PREFIX = "urn:cinemates:problem:";

    private Problems() {}

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }
}
