package io.spineconsole.domain.registrations;

/** One field-level error or warning: a JSON Pointer (or {@code column.<name>}), a stable code, a sentence. */
public record FieldIssue(String field, String code, String message) {
}
