package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.UUID;

/** One message of a redelivery job: its outcome and the copy made. */
public record RedeliveryJobItem(UUID originalMessageId, UUID newMessageId, RedeliveryItemOutcome outcome,
                                String detail, Instant at) {
}
