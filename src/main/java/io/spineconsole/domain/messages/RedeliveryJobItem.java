package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a redelivery job: its outcome and the copy made. {@code earlierCopy}, when set, is
 * why it was skipped: it was already redelivered as that copy, which is in flight or was delivered.
 * {@code interaction}, {@code from} and {@code to} say which message it is (the parties named where the
 * directory has them); null when the message is no longer stored.
 */
public record RedeliveryJobItem(UUID originalMessageId, UUID newMessageId, RedeliveryItemOutcome outcome,
                                String detail, Instant at, RedeliveryCopy earlierCopy, String interaction,
                                MessageParty from, MessageParty to) {
    public RedeliveryJobItem(UUID originalMessageId, UUID newMessageId, RedeliveryItemOutcome outcome, String detail,
                             Instant at, RedeliveryCopy earlierCopy) {
        this(originalMessageId, newMessageId, outcome, detail, at, earlierCopy, null, null, null);
    }

    public RedeliveryJobItem(UUID originalMessageId, UUID newMessageId, RedeliveryItemOutcome outcome, String detail,
                             Instant at) {
        this(originalMessageId, newMessageId, outcome, detail, at, null);
    }

    /** The same item, saying which message it is: {@code message}'s interaction and parties. */
    public RedeliveryJobItem about(MessageSummary message) {
        return message == null ? this : new RedeliveryJobItem(originalMessageId, newMessageId, outcome, detail, at,
                earlierCopy, message.interaction(), message.from(), message.to());
    }
}
