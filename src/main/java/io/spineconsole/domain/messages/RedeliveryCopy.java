package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a redelivery family (an original and every copy made from it, at any depth), as
 * a redelivery refused or skipped because of it names it: which message, what it is a copy of, where
 * it is now, when it was received, and the job that made it (null when redelivered one at a time or
 * when it is the original).
 */
public record RedeliveryCopy(UUID messageId, UUID redeliveryOf, MessageStatus status, Instant receivedAt,
                             UUID redeliveryJobId) {

    /** True when this copy stands in the way of another redelivery: it is in flight or was delivered. */
    public boolean blocksRedelivery() {
        return !MessageStatuses.isFailed(status);
    }
}
