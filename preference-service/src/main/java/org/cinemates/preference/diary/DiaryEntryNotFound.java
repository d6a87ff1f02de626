package org.cinemates.preference.diary;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No diary entry of the member's has this id. */
class DiaryEntryNotFound extends ProblemException {

    DiaryEntryNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "diary-entry-not-found", "Diary entry not found", "You have no diary entry " + id);
    }
}
