package org.cinemates.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.cinemates.platform.security.CinematesSecurity;
import org.cinemates.platform.security.CurrentUser;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the platform, for testing what every service gets from it. */
@SpringBootApplication
public class PlatformTestApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, CinematesSecurity security) throws Exception {
        return security.apply(http, CinematesSecurity.none(), CinematesSecurity.none())
                .authorizeHttpRequests(auth -> security.permitOperational(auth)
                        .requestMatchers("/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }

    @RestController
    static class Endpoints {

        record Note(
                @NotBlank @Size(max = 10) String text,
                @Min(1) @Max(5) int stars,
                List<String> tags) {}

        @PostMapping("/public/notes")
        Note create(@Valid @RequestBody Note note) {
            return note;
        }

        @GetMapping("/public/search")
        List<String> search(
                @RequestParam @Size(max = 5) String q, @RequestParam(defaultValue = "10") @Max(100) int size) {
            return List.of(q + size);
        }

        /** Cacheable by anyone, like a catalogue read. */
        @GetMapping("/public/cached")
        ResponseEntity<Note> cached() {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                    .body(new Note("cached", 3, List.of()));
        }

        @GetMapping("/public/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail");
        }

        @GetMapping("/public/conflict")
        String conflict() {
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint");
        }

        @GetMapping("/private/me")
        String me(CurrentUser user) {
            return user.username();
        }
    }
}
