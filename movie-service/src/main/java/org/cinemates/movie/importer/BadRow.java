package org.cinemates.movie.importer;

/**
 * A row that cannot be imported, with the reason as the report shows it ("has 2 fields, expected
 * 3"). Hostile files can hold millions of them, so no stack trace is taken.
 */
final class BadRow extends Exception {

    BadRow(String reason) {
        super(reason, null, false, false);
    }
}
