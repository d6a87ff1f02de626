package org.cinemates.preference.home;

import io.swagger.v3.oas.annotations.Operation;
import org.cinemates.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HomeController {

    private final HomePage home;

    HomeController(HomePage home) {
        this.home = home;
    }

    @Operation(
            summary = "Everything the start page needs",
            description = "Recommendations and my friends' latest activity. Whatever a dependency could not"
                    + " deliver in time is left out and the dependency named in degraded; the answer is 200"
                    + " all the same.")
    @GetMapping("/api/preferences/home")
    HomePage.Home home(CurrentUser me) {
        return home.of(me);
    }
}
