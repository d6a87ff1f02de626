package org.cinemates.preference.list;

/** The limits of a list. */
final class ListRules {

    static final int MAX_ITEMS = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_NOTE = 1000;

    /** A member's lists: plenty for anyone, and a bound on what one member's page reads. */
    static final int MAX_LISTS = 500;

    private ListRules() {}
}
