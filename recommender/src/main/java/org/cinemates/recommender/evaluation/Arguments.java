package org.cinemates.recommender.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} command-line options. */
final class Arguments {

    private final Map<String, String> values = new HashMap<>();

    private Arguments() {}

    /** Parses {@code args}; {@code flags} take no value. Unknown or incomplete options are errors. */
    static Arguments parse(String[] args, Set<String> options, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int k = 0; k < args.length; k++) {
            String arg = args[k];
            if (flags.contains(arg)) {
                parsed.values.put(arg, "true");
            } else if (options.contains(arg)) {
                if (k + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                parsed.values.put(arg, args[++k]);
            } else {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return parsed;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
        }
    }
}
