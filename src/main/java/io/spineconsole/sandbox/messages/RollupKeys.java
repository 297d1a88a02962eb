package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatuses;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which roll-up cells a message counts in, and what it adds to them: shared by the roll-ups kept in memory,
 * a feed's batch of changes to the stored ones, and the rebuild from stored messages, so all three count alike.
 */
final class RollupKeys {
    private RollupKeys() {
    }

    /** Adds one message (received, and/or its final outcome) to the cell {@code cellFor} gives for each of its keys. */
    static void count(MessageRow row, boolean received, boolean finished,
                      Function<RollupCell.Key, RollupCell> cellFor) {
        boolean failed = failed(row, finished);
        Long latency = latency(row, finished);
        forEachKey(row.createdAt, row.interaction, row.site, row.endpointKey(),
                k -> {
                    RollupCell c = cellFor.apply(k);
                    if (received) {
                        c.count++;
                    }
                    if (failed) {
                        c.errors++;
                    }
                    if (latency != null) { // hours too: endpoint health reads latency and deliveries from them
                        c.latency.add(latency);
                    }
                });
    }

    /** Whether a message counts as an error: when its final outcome is a failure. */
    static boolean failed(MessageRow row, boolean finished) {
        return finished && MessageStatuses.isFailed(row.status);
    }

    /** The latency a message adds to its cells' histograms: a delivery's, once it has finished; else null. */
    static Long latency(MessageRow row, boolean finished) {
        return finished && !failed(row, finished) ? row.latencyMs : null;
    }

    /** The cells a message counts in: by interaction, site, site × interaction, endpoint by minute and by hour. */
    static void forEachKey(Instant createdAt, String interaction, String site, String endpoint,
                           Consumer<RollupCell.Key> to) {
        Instant minute = createdAt.truncatedTo(ChronoUnit.MINUTES);
        String e = endpoint == null ? StatsStore.UNRESOLVED : endpoint;
        to.accept(new RollupCell.Key(Rollups.INTERACTION, minute, interaction));
        to.accept(new RollupCell.Key(Rollups.SITE, minute, site));
        to.accept(new RollupCell.Key(Rollups.SITE_INTERACTION, minute, site + "|" + interaction));
        to.accept(new RollupCell.Key(Rollups.ENDPOINT, minute, e));
        to.accept(new RollupCell.Key(Rollups.ENDPOINT_HOUR, createdAt.truncatedTo(ChronoUnit.HOURS), e));
    }
}
