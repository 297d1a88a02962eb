package io.spineconsole.sandbox.messages;

import java.util.Map;
import java.util.Set;

/**
 * The store's plan of one branch of a search (one statement the first page runs): the rows it reads
 * through each index ({@link #TABLE} for rows read without one), whether it reads them in the page's order (so it stops at
 * the limit) or sorts every match first, the rows in the range it reads, the rows that match every
 * filter, and on PostgreSQL the partitions it reads and those pruned while running.
 */
record BranchPlan(Map<String, Double> reads, boolean ordered, double rangeRows, double matchingRows,
                  Set<String> partitions, int partitionsRemoved) {
    /** The key of rows read from the table itself, with no index. */
    static final String TABLE = "";

    /** Rows read to return {@code limit} matches: all of the range unless it is read in order and matches run out later. */
    double rowsToRead(int limit) {
        return ordered && matchingRows > limit ? rangeRows * limit / matchingRows : rangeRows;
    }
}
