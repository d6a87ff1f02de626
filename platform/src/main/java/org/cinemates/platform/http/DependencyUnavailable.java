package org.cinemates.platform.http;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Another service did not answer in time, or answered with a server error. */
public class DependencyUnavailable extends ProblemException {

    private final String service;

    public DependencyUnavailable(String service) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "dependency-unavailable",
                "Dependency unavailable",
                service + " is not available right now");
        this.service = service;
        getBody().setProperty("degraded", java.util.List.of(service));
    }

    public String service() {
        return service;
    }
}
