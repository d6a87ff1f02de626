package org.cinemates.platform.security;

/** The credential services present to each other's {@code /internal/**} endpoints. */
public final class ServiceCredential {

    public static final String HEADER = "X-Service-Token";
    public static final String ROLE = "SERVICE";

    private ServiceCredential() {}
}
