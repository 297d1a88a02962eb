package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * A server-side bulk redelivery job; its version changes with every progress update. {@code fromDryRun}:
 * the dry run whose selection it runs for real; {@code realRun}: for a dry run, the job that ran it for
 * real (null while none has).
 */
public record RedeliveryJob(UUID id, String reason, boolean dryRun, int ratePerSecond, int maxMessages,
                            Integer messageIdCount, MessageFilter filter, boolean truncated,
                            RedeliveryProgress progress, Instant startedAt, Instant finishedAt, String cancelledBy,
                            String error, long version, Instant createdAt, String createdBy, Instant updatedAt,
                            String updatedBy, UUID fromDryRun, UUID realRun) {

    public RedeliveryJob(UUID id, String reason, boolean dryRun, int ratePerSecond, int maxMessages,
                         Integer messageIdCount, MessageFilter filter, boolean truncated, RedeliveryProgress progress,
                         Instant startedAt, Instant finishedAt, String cancelledBy, String error, long version,
                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        this(id, reason, dryRun, ratePerSecond, maxMessages, messageIdCount, filter, truncated, progress, startedAt,
                finishedAt, cancelledBy, error, version, createdAt, createdBy, updatedAt, updatedBy, null, null);
    }

    /** A finished dry run that has not been run for real: it can be, on the same selection. */
    public boolean canRunForReal() {
        return dryRun && progress.state() == JobState.COMPLETED && realRun == null;
    }
}
