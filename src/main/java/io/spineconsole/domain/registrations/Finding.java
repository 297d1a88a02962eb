package io.spineconsole.domain.registrations;

import java.util.List;

/** One problem found by the registration checks. */
public record Finding(Severity severity, CheckRule rule, String message, RecordRef record, String field,
                      List<RecordRef> related) {
}
