package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a redelivery job: its outcome and the copy made. {@code earlierCopy}, when set, is
 * why it was skipped: it was already redelivered as that copy, which is in flight or was delivered.
 */
public record RedeliveryJobItem(UUID originalMessageId, UUID newMessageId, RedeliveryItemOutcome outcome,
                                String detail, Instant at, RedeliveryCopy earlierCopy) {
    public RedeliveryJobItem(UUID originalMessageId, UUID newMessageId, RedeliveryItemOutcome outcome, String detail,
                             Instant at) {
        this(originalMessageId, newMessageId, outcome, detail, at, null);
    }
}
