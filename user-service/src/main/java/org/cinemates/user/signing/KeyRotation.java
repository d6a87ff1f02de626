package org.cinemates.user.signing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Rotates on schedule and keeps each instance's view of the keys fresh. */
@Component
class KeyRotation {

    private final KeyRing keys;

    KeyRotation(KeyRing keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void refresh() {
        keys.reload();
        keys.rotateIfDue();
    }
}
