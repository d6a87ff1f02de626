package org.cinemates.platform.outbox;

import java.util.List;
import org.springframework.context.SmartLifecycle;

/** One relay per destination, started and stopped with the application. */
public class OutboxRelays implements SmartLifecycle {

    private final List<OutboxRelay> relays;
    private volatile boolean running;

    public OutboxRelays(List<OutboxRelay> relays) {
        this.relays = List.copyOf(relays);
    }

    public List<OutboxRelay> relays() {
        return relays;
    }

    /** Wakes every relay: an event was just committed. */
    public void wake() {
        relays.forEach(OutboxRelay::wake);
    }

    @Override
    public void start() {
        relays.forEach(OutboxRelay::start);
        running = true;
    }

    @Override
    public void stop() {
        relays.forEach(OutboxRelay::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
