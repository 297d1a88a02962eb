package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.UUID;

/** A server-side bulk redelivery job; its version changes with every progress update. */
public record RedeliveryJob(UUID id, String reason, boolean dryRun, int ratePerSecond, int maxMessages,
                            Integer messageIdCount, MessageFilter filter, boolean truncated,
                            RedeliveryProgress progress, Instant startedAt, Instant finishedAt, String cancelledBy,
                            String error, long version, Instant createdAt, String createdBy, Instant updatedAt,
                            String updatedBy) {
}
