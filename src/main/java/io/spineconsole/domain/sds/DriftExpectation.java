package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.RecordType;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A drift row someone has marked as expected: one record (its type and key, as the row names it) in one state
 * (missing in SDS, missing here, different), with who marked it, when and why. A comparison shows a row it covers
 * as expected and leaves it out of its drift counts; the same record drifting another way is drift again.
 *
 * @param recordKey the row's key as it was marked (an ASID, or an endpoint's party key and address)
 * @param odsCode   the owning organisation the row named, for reading; not part of the match
 */
public record DriftExpectation(UUID id, RecordType recordType, DriftStatus status, String recordKey, String odsCode,
                               String reason, String markedBy, Instant markedAt) {

    /** True when this expectation is about {@code row}: same type and status, the same key ignoring case. */
    public boolean covers(DriftRow row) {
        return row != null && row.type() == recordType && row.status() == status
                && matchKey(recordKey).equals(matchKey(row.key()));
    }

    /** The expectation among {@code expectations} that covers {@code row}, if any. */
    public static Optional<DriftExpectation> covering(Collection<DriftExpectation> expectations, DriftRow row) {
        return expectations.stream().filter(e -> e.covers(row)).findFirst();
    }

    /** A key as expectations are matched: trimmed, in lower case. */
    public static String matchKey(String key) {
        return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
    }
}
