package org.cinemates.preference.history;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A file that cannot be imported at all: not a format we read, unsafe, or too big. */
class ImportRefused extends ProblemException {

    ImportRefused(String detail) {
        super(HttpStatus.BAD_REQUEST, "import-refused", "File cannot be imported", detail);
    }
}
