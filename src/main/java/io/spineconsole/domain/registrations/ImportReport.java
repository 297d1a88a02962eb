package io.spineconsole.domain.registrations;

import java.util.List;

/** Per-entry results of an import or a dry run. */
public record ImportReport(boolean dryRun, boolean applied, String format, RecordType recordType, int total,
                           Counts counts, List<ImportEntryResult> results) {

    public record Counts(int created, int updated, int unchanged, int rejected) {
    }
}
