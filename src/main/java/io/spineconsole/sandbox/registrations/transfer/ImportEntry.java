package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.RecordType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One entry of an import being planned: what it is, what would happen to it (rejected until a plan
 * says otherwise), why, and the write that makes it happen ({@link #apply}, null when nothing is to be
 * written).
 */
final class ImportEntry {
    /** The write an accepted entry makes; returns the id of the record written. */
    @FunctionalInterface
    interface Apply {
        String run(Connection c) throws SQLException;
    }

    final int index;
    final Integer line;
    final String resourceType;
    RecordType recordType;
    String identifier;
    String recordId;
    ImportOutcome outcome = ImportOutcome.REJECTED;
    final List<FieldIssue> warnings = new ArrayList<>();
    final List<FieldIssue> errors = new ArrayList<>();
    Apply apply;

    /**
     * @param line         the CSV line the entry starts on (null for a FHIR entry)
     * @param resourceType the FHIR resource type (null for a CSV row)
     */
    ImportEntry(int index, Integer line, String resourceType) {
        this.index = index;
        this.line = line;
        this.resourceType = resourceType;
    }

    /** The entry as the report gives it, with each issue's field named as the file names it. */
    ImportEntryResult result(Function<String, String> fieldName) {
        return new ImportEntryResult(index, line, resourceType, recordType, identifier,
                outcome == ImportOutcome.REJECTED ? null : recordId, outcome, rename(warnings, fieldName),
                rename(errors, fieldName));
    }

    private static List<FieldIssue> rename(List<FieldIssue> issues, Function<String, String> fieldName) {
        return issues.stream().map(i -> new FieldIssue(fieldName.apply(i.field()), i.code(), i.message())).toList();
    }
}
