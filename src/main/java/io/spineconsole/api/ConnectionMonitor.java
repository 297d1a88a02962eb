package io.spineconsole.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds the current {@link ConnectionState} and tells listeners when it changes. Listeners are
 * called on the thread that reported the outcome; a UI moves the news to its own thread.
 */
public final class ConnectionMonitor {
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.CONNECTING;

    public ConnectionState state() {
        return state;
    }

    /** Adds a listener and calls it at once with the current state. */
    public void addListener(Consumer<ConnectionState> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    public void removeListener(Consumer<ConnectionState> listener) {
        listeners.remove(listener);
    }

    public void report(ConnectionState newState) {
        ConnectionState old = state;
        state = newState;
        if (old != newState) {
            listeners.forEach(l -> l.accept(newState));
        }
    }
}
