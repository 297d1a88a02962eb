package io.spineconsole.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds the current {@link ConnectionState} and tells listeners when it changes. Listeners are
 * called on the thread that reported the outcome, in the order the changes happened (calls finish
 * on several threads at once); a UI moves the news to its own thread. Listeners must not block.
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

    public synchronized void report(ConnectionState newState) {
        ConnectionState old = state;
        state = newState;
        if (old != newState) {
            listeners.forEach(l -> l.accept(newState));
        }
    }
}
