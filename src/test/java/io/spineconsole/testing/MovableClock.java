package io.spineconsole.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test or benchmark moves by setting {@link #now}: simulated time for the sandbox's
 * traffic, scenarios, retention and alert rounds, so nothing sleeps and every step's time is known.
 */
public final class MovableClock extends Clock {
    /** The instant the clock reads; set it to move time (any thread). */
    public volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
