package io.spineconsole.domain.sds;

import java.util.List;

/** A finished drift comparison: the counts first, then the rows that are not the same. */
public record DriftReport(DriftCounts counts, List<DriftRow> rows) {
    public DriftReport {
        rows = List.copyOf(rows);
    }

    public List<DriftRow> rows(DriftStatus status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }
}
