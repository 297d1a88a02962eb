package io.spineconsole.domain.messages;

import java.util.List;
import java.util.UUID;

/** A bulk redelivery: exactly one of {@code messageIds} or {@code filter}; null options take their defaults. */
public record RedeliveryJobCreate(List<UUID> messageIds, MessageFilter filter, String reason, Boolean dryRun,
                                  Integer ratePerSecond, Integer maxMessages) {
    public static final int DEFAULT_RATE = 10;
    public static final int DEFAULT_MAX_MESSAGES = 10_000;
}
