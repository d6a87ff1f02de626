package org.cinemates.movie.importer;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/movies/import")
class ImportController {

    private final CatalogueImports imports;

    ImportController(CatalogueImports imports) {
        this.imports = imports;
    }

    @Operation(
            summary = "The newest catalogue import",
            description = "Progress while RUNNING; counts and the first bad rows (file and line) once DONE;"
                    + " the reason when FAILED.")
    @GetMapping
    ImportStatus status() {
        return imports.status();
    }

    @Operation(
            summary = "Import the configured catalogue again (ADMIN)",
            description = "Runs in the background; 409 while an import is running.")
    @PostMapping
    ResponseEntity<ImportStatus> reimport() {
        return ResponseEntity.accepted()
                .location(URI.create("/api/movies/import"))
                .body(imports.startInBackground(imports.configuredSource()));
    }
}
