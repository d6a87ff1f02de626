package org.cinemates.preference.community;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportController {

    private final CommunityImport communityImport;

    ImportController(CommunityImport communityImport) {
        this.communityImport = communityImport;
    }

    @Operation(
            summary = "Progress of the community ratings import",
            description = "State, rows processed of the total, bad rows skipped and the first hundred of them with"
                    + " their line numbers. Public, like movie-service's import status.")
    @GetMapping("/api/preferences/import")
    ImportStatus status() {
        return communityImport.status();
    }
}
