package io.spineconsole.domain.registrations;

import java.util.List;

/** The outcome of one import entry (bundle entry or CSV row). */
public record ImportEntryResult(int index, Integer line, String resourceType, RecordType recordType, String identifier,
                                String recordId, ImportOutcome outcome, List<FieldIssue> warnings, List<FieldIssue> errors) {
}
