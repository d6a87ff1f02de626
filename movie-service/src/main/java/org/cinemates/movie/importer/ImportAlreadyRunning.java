package org.cinemates.movie.importer;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public class ImportAlreadyRunning extends ProblemException {

    ImportAlreadyRunning() {
        super(
                HttpStatus.CONFLICT,
                "import-running",
                "Import running",
                "An import is running already; GET /api/movies/import shows its progress");
    }
}
