package io.spineconsole.domain.messages;

/** A series of message statistics and its totals over the window; key {@code other} sums the rest. */
public record StatsKey(String key, String label, long count, long errors) {
}
