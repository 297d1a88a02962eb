package io.spineconsole.domain.registrations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The result of a registration check run; counts cover every finding, not only those returned. */
public record CheckReport(Instant checkedAt, long durationMs, long recordsChecked, SeverityCounts counts,
                          Map<CheckRule, Long> countsByRule, boolean truncated, List<Finding> findings) {

    public record SeverityCounts(long error, long warning, long info) {
    }
}
