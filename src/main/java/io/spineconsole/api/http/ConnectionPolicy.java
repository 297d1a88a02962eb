package io.spineconsole.api.http;

import java.time.Duration;

/**
 * How the connection state is judged and how the console finds out that a server is back.
 *
 * <p>The state follows the most recent exchange with the server:
 * <ul>
 *   <li>ONLINE: it answered within {@code slowAnswer} (time from sending the request to the
 *       answer's headers; a large body streaming in does not count).</li>
 *   <li>DEGRADED: it answered, but slower than {@code slowAnswer}; or answered 5xx; or a call is
 *       being retried; or the health check says {@code degraded}.</li>
 *   <li>OFFLINE: no answer, after the retries a call is allowed.</li>
 *   <li>UNAUTHORISED: it refused the token (401).</li>
 * </ul>
 *
 * <p>While OFFLINE or DEGRADED, a health probe ({@code GET /api/v1/health}) runs in the
 * background, first after {@code probeFirstDelay}, then doubling (with jitter) up to
 * {@code probeMaxDelay}, so the state returns to ONLINE by itself when the server is back and
 * fast, without the user doing anything. It stops when the state is ONLINE or UNAUTHORISED, and
 * for good when the client is closed.
 */
public record ConnectionPolicy(Duration slowAnswer, Duration probeFirstDelay, Duration probeMaxDelay) {
    public static ConnectionPolicy defaults() {
        return new ConnectionPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
