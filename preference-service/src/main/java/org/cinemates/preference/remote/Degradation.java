package org.cinemates.preference.remote;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The dependencies an answer had to do without. Safe to fill from parallel work; lists names in
 * a stable order.
 */
public final class Degradation {

    private final Set<String> services = new ConcurrentSkipListSet<>();

    public void add(Dependency dependency) {
        services.add(dependency.serviceName());
    }

    public void addAll(List<String> names) {
        services.addAll(names);
    }

    public boolean contains(Dependency dependency) {
        return services.contains(dependency.serviceName());
    }

    /** The {@code degraded} list of an answer; empty (and left out of the JSON) when nothing was missing. */
    public List<String> names() {
        return List.copyOf(services);
    }
}
