package org.cinemates.preference.list;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No such list, or none the asker may see (a hidden list is not told apart from a missing one). */
class ListNotFound extends ProblemException {

    ListNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "list-not-found", "List not found", "There is no list " + id);
    }
}
