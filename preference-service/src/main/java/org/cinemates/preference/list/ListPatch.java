package org.cinemates.preference.list;

import java.util.List;
import java.util.Locale;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.text.TextRules;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change to a list's details as a client sends it: only the fields present change.
 *
 * @param name the new name, or null to keep it
 * @param setsDescription whether the description changes (to {@code description}, null removing it)
 * @param ranked the new flag, or null to keep it
 * @param visibility the new visibility, or null to keep it
 */
record ListPatch(
        @Nullable String name,
        boolean setsDescription,
        @Nullable String description,
        @Nullable Boolean ranked,
        @Nullable Visibility visibility) {

    private static final List<String> FIELDS = List.of("name", "description", "ranked", "visibility");

    static ListPatch of(JsonNode body) {
        if (!body.isObject()) {
            throw new ValidationFailed("body", "must be a JSON object");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new ValidationFailed(
                        "body", "has a field a list does not (name, description, ranked, visibility)");
            }
        }
        String name = null;
        if (body.has("name")) {
            name = visible(body.get("name"));
        }
        boolean setsDescription = body.has("description");
        String description = setsDescription ? free(body.get("description")) : null;
        Boolean ranked = null;
        if (body.has("ranked")) {
            if (!body.get("ranked").isBoolean()) {
                throw new ValidationFailed("ranked", "must be true or false");
            }
            ranked = body.get("ranked").asBoolean();
        }
        Visibility visibility = body.has("visibility") ? visibility(body.get("visibility")) : null;
        return new ListPatch(name, setsDescription, description, ranked, visibility);
    }

    private static String visible(JsonNode node) {
        if (!node.isString()) {
            throw new ValidationFailed("name", "must be text");
        }
        String text = node.asString();
        // The length first: nothing longer is looked at.
        if (text.isEmpty() || text.length() > ListRules.MAX_NAME) {
            throw new ValidationFailed("name", "size must be between 1 and " + ListRules.MAX_NAME);
        }
        if (TextRules.hasControl(text, "") || TextRules.isBlank(text) || !TextRules.isWellFormed(text)) {
            throw new ValidationFailed("name", "must be visible text without control characters");
        }
        return text.strip();
    }

    private static @Nullable String free(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new ValidationFailed("description", "must be text or null");
        }
        String text = node.asString();
        if (text.length() > ListRules.MAX_DESCRIPTION) {
            throw new ValidationFailed("description", "size must be between 0 and " + ListRules.MAX_DESCRIPTION);
        }
        if (TextRules.hasControl(text, "\n\r\t") || !TextRules.isWellFormed(text)) {
            throw new ValidationFailed("description", "must not contain control characters");
        }
        return ListController.description(text);
    }

    private static Visibility visibility(JsonNode node) {
        if (node.isString() && node.asString().length() <= 10) {
            switch (node.asString().toUpperCase(Locale.ROOT)) {
                case "PUBLIC":
                    return Visibility.PUBLIC;
                case "FRIENDS":
                    return Visibility.FRIENDS;
                case "PRIVATE":
                    return Visibility.PRIVATE;
                default:
                    break;
            }
        }
        throw new ValidationFailed("visibility", "must be PUBLIC, FRIENDS or PRIVATE");
    }
}
