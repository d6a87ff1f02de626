package org.cinemates.platform.web;

import org.springframework.http.HttpStatus;

/** A request body above the service's limit; nginx enforces the same limit at the edge. */
public class BodyTooLarge extends ProblemException {

    public BodyTooLarge(long maxBytes) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "The request body is larger than " + maxBytes + " bytes");
    }
}
