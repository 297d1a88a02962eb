package io.spineconsole.api;

import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.messages.MessageSummary;

import java.util.List;

/**
 * A live message stream that keeps itself connected. Messages collect in a bounded buffer until
 * drained (a UI drains a few times a second); when the buffer is full the oldest are dropped and
 * counted, as are the events the server dropped for this reader. Alert changes come on the same
 * stream, whatever its filter, and collect in a buffer of their own.
 */
public interface LiveStream extends AutoCloseable {

    enum State { CONNECTING, OPEN, RECONNECTING, CLOSED }

    /** Takes up to {@code max} buffered messages, oldest first. */
    List<MessageSummary> drain(int max);

    /** Takes up to {@code max} buffered alert changes, oldest first. */
    List<AlertChanged> drainAlerts(int max);

    /** Messages lost so far: dropped by the server for a slow reader, or by this buffer when full. */
    long dropped();

    /** Times the server could not resume where asked (the gap should be filled by a search). */
    long resets();

    /** The id of the last event received, from which a reconnect resumes; null before the first. */
    String lastEventId();

    State state();

    /** Stops the stream and releases its connection; no reconnect follows. */
    @Override
    void close();
}
