package org.cinemates.preference.history;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No import of the member's has this id. */
class ImportNotFound extends ProblemException {

    ImportNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "import-not-found", "Import not found", "You have no import " + id);
    }
}
