package io.spineconsole.domain.registrations;

import java.util.List;

/** Which registration checks to run, over what; null members take the defaults. */
public record CheckRequest(List<CheckRule> rules, Severity minSeverity, Integer expiringWithinDays,
                           List<RecordRef> records, Boolean includeRetired, Integer maxFindings) {
    public static CheckRequest all() {
        return new CheckRequest(null, null, null, null, null, null);
    }

    public static CheckRequest expiringWithin(int days) {
        return new CheckRequest(List.of(CheckRule.CERTIFICATE_EXPIRING, CheckRule.CERTIFICATE_EXPIRED), null, days,
                null, null, null);
    }

    public static CheckRequest forRecord(RecordRef record) {
        return new CheckRequest(null, null, null, List.of(record), true, null);
    }
}
