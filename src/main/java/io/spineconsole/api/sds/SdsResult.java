package io.spineconsole.api.sds;

import java.util.List;

/** The records a search found, in SDS's order, and how the search went. */
public record SdsResult<T>(List<T> records, SdsSearchSummary summary) {
    public SdsResult {
        records = List.copyOf(records);
    }
}
