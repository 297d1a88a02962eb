package io.spineconsole.sandbox.messages;

import java.util.Set;

/**
 * The store's plan of one branch of a search (one statement the first page runs): the indexes it
 * reads (none when it scans the table), whether it reads them in the page's order (so it stops at
 * the limit) or sorts every match first, the rows in the range it reads, the rows that match every
 * filter, and on PostgreSQL the partitions it reads and those pruned while running.
 */
record BranchPlan(Set<String> indexes, boolean scan, boolean ordered, double rangeRows, double matchingRows,
                  Set<String> partitions, int partitionsRemoved) {

    /** Rows read to return {@code limit} matches: all of the range unless it is read in order and matches run out later. */
    double rowsToRead(int limit) {
        return ordered && matchingRows > limit ? rangeRows * limit / matchingRows : rangeRows;
    }
}
