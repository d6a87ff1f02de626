package org.cinemates.preference.people;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How a member is shown to others. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(long id, String username, String displayName) {}
