package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The type ids of the contract, read once from the records' {@link JsonTypeName}. */
final class EventTypes {

    private static final Map<Class<?>, String> NAMES = Arrays.stream(CinematesEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Function.identity(), EventTypes::declaredName));
    private static final Set<String> IDS = Set.copyOf(NAMES.values());

    private EventTypes() {}

    static String nameOf(Class<?> type) {
        return Objects.requireNonNull(NAMES.get(type), type + " is not an event of the contract");
    }

    static Set<String> names() {
        return IDS;
    }

    private static String declaredName(Class<?> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null || name.value().isEmpty()) {
            throw new IllegalStateException(type + " needs a @JsonTypeName: its type id on the wire");
        }
        return name.value();
    }
}
