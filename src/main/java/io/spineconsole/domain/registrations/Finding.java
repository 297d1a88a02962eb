package io.spineconsole.domain.registrations;

import java.time.Instant;
import java.util.List;

/**
 * One problem found by the registration checks. {@code at} is the time the finding is about (a
 * certificate's end or start), sent as a field for the console to word: {@code message} never holds
 * a time.
 */
public record Finding(Severity severity, CheckRule rule, String message, RecordRef record, String field,
                      List<RecordRef> related, Instant at) {

    public Finding(Severity severity, CheckRule rule, String message, RecordRef record, String field,
                   List<RecordRef> related) {
        this(severity, rule, message, record, field, related, null);
    }

    /** The same finding about the time {@code at}. */
    public Finding withAt(Instant at) {
        return new Finding(severity, rule, message, record, field, related, at);
    }

    /** The same finding naming its records as {@code record} and {@code related}. */
    public Finding withRecords(RecordRef record, List<RecordRef> related) {
        return new Finding(severity, rule, message, record, field, related, at);
    }
}
