package org.cinemates.preference.recommendation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The model serving now. Requests read it without waiting; the trainer swaps a new one in at once. */
@Component
class ModelHolder {

    private final AtomicReference<@Nullable ServedModel> current = new AtomicReference<>();

    Optional<ServedModel> current() {
        return Optional.ofNullable(current.get());
    }

    void swap(ServedModel model) {
        current.set(model);
    }

    /** Swaps {@code replacement} in only if {@code expected} still serves (a newer model wins). */
    boolean replace(ServedModel expected, ServedModel replacement) {
        return current.compareAndSet(expected, replacement);
    }
}
