package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportEntryResult;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An import's per-entry results as CSV: every entry (100,000 for a national extract), what happens to it, and why. */
final class ImportResultsCsv {
    static final String HEADER = "entry,line,resourceType,recordType,identifier,recordId,outcome,errors,warnings";

    private ImportResultsCsv() {
    }

    static void write(Path file, List<ImportEntryResult> results) {
        CsvRows.write(file, HEADER, results, r -> Arrays.asList(String.valueOf(r.index() + 1),
                r.line() == null ? null : r.line().toString(), r.resourceType(),
                r.recordType() == null ? null : r.recordType().code(), r.identifier(), r.recordId(), r.outcome().code(),
                issues(r.errors()), issues(r.warnings())));
    }

    private static String issues(List<FieldIssue> issues) {
        return issues.stream().map(i -> i.code() + " " + i.field() + ": " + i.message()).collect(Collectors.joining("; "));
    }
}
