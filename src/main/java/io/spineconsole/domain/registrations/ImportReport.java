package io.spineconsole.domain.registrations;

import java.util.List;

/**
 * Per-entry results of an import or a dry run.
 *
 * @param missingOwners the organisations the file's records belong to that are not registered, in the order the
 *                      file first needs them, with the entries that need them
 */
public record ImportReport(boolean dryRun, boolean applied, String format, RecordType recordType, int total,
                           Counts counts, List<ImportEntryResult> results, List<MissingOwner> missingOwners) {

    public ImportReport {
        missingOwners = missingOwners == null ? List.of() : List.copyOf(missingOwners);
    }

    public record Counts(int created, int updated, int unchanged, int rejected) {
    }

    /**
     * An owning organisation the import needs that is not registered.
     *
     * @param odsCode    its ODS code
     * @param name       the name the file gives it, or its ODS code when the file gives none
     * @param registered true when the import registers it (or, in a dry run, would), as asked; false when the
     *                   entries that need it are rejected instead
     * @param entries    the indexes of the entries that need it, in file order
     */
    public record MissingOwner(String odsCode, String name, boolean registered, List<Integer> entries) {
        public MissingOwner {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }
}
