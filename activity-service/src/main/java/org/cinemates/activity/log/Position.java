package org.cinemates.activity.log;

import java.time.Instant;

/** A place in the log's order (newest first by occurredAt, then by id): pages continue after it. */
public record Position(Instant occurredAt, long id) {}
