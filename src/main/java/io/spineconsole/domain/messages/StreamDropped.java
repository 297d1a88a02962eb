package io.spineconsole.domain.messages;

import java.time.Instant;

/** The reader was too slow and {@code count} events were discarded since {@code since}. */
public record StreamDropped(long count, Instant since) {
}
