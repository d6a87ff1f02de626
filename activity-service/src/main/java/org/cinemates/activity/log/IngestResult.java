package org.cinemates.activity.log;

/**
 * What became of a batch of events.
 *
 * @param stored events that changed the log (a new activity, a removal, a newer name)
 * @param duplicates events received before
 * @param ignored events that are invalid, of an unknown type, older than what is known, or
 *     about a deleted account
 */
record IngestResult(int stored, int duplicates, int ignored) {}
