package io.spineconsole.api.sds;

/**
 * How a search went: pages fetched, records kept, the total SDS reported (null when it gave
 * none), and whether more pages were left unread because the search reached its page limit.
 */
public record SdsSearchSummary(int pages, long records, Integer total, boolean truncated) {
}
