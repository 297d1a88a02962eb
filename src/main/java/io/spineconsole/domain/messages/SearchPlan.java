package io.spineconsole.domain.messages;

import java.util.List;

/**
 * What a message search will cost, before it runs, from the store's own plan of the statements the
 * search runs: how it reaches the rows ({@code access}) through which indexes (none for a scan), the
 * estimated rows it reads for the first page and the rows that match, how many of them the page
 * returns, and whether that is all of them or the limit cuts it off. {@code verdict} weighs
 * {@code rowsToRead} against the server's {@code readThreshold}. On PostgreSQL the partitions read
 * and those the window pruned away are given; on H2 (one table) both are null.
 */
public record SearchPlan(PlanAccess access, List<String> indexes, long rowsToRead, long rowsMatching,
                         long rowsToReturn, int limit, boolean complete, PlanVerdict verdict, long readThreshold,
                         Integer partitionsRead, Integer partitionsPruned) {
    public SearchPlan {
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
    }

    /** True when the search reads more rows than the server thinks wise. */
    public boolean costly() {
        return verdict == PlanVerdict.COSTLY;
    }
}
