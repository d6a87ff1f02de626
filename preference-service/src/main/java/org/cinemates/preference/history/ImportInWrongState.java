package org.cinemates.preference.history;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The import is not in a state that allows this. */
class ImportInWrongState extends ProblemException {

    ImportInWrongState(String state, String rule) {
        super(HttpStatus.CONFLICT, "import-state", "Not now", "The import is " + state + ": " + rule);
    }
}
