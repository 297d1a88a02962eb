package io.spineconsole.domain.messages;

import java.util.List;
import java.util.UUID;

/**
 * A bulk redelivery: exactly one of {@code messageIds}, {@code filter} or {@code fromDryRun} (a finished
 * dry run whose would-redeliver messages are the selection); null options take their defaults.
 */
public record RedeliveryJobCreate(List<UUID> messageIds, MessageFilter filter, String reason, Boolean dryRun,
                                  Integer ratePerSecond, Integer maxMessages, UUID fromDryRun) {
    public static final int DEFAULT_RATE = 10;
    public static final int DEFAULT_MAX_MESSAGES = 10_000;

    public RedeliveryJobCreate(List<UUID> messageIds, MessageFilter filter, String reason, Boolean dryRun,
                               Integer ratePerSecond, Integer maxMessages) {
        this(messageIds, filter, reason, dryRun, ratePerSecond, maxMessages, null);
    }

    /** The same selection as {@code dryRun}, for real. */
    public static RedeliveryJobCreate forReal(RedeliveryJob dryRun, String reason) {
        return new RedeliveryJobCreate(null, null, reason, false, dryRun.ratePerSecond(), null, dryRun.id());
    }
}
