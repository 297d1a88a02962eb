package io.spineconsole.domain;

/** How much room a server's store takes on disk, and how many days it keeps messages. */
public record StoreUsage(long sizeBytes, int messageRetentionDays) {
}
