package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.RecordType;

/**
 * A drift row to mark as expected, and why (3 to 500 characters).
 *
 * @param recordKey the row's key: an ASID, or an endpoint's party key and address (1 to 400 characters)
 * @param odsCode   the owning organisation the row names, or null
 */
public record DriftExpectationCreate(RecordType recordType, DriftStatus status, String recordKey, String odsCode,
                                     String reason) {

    /** The mark for {@code row}, with {@code reason}. */
    public static DriftExpectationCreate of(DriftRow row, String reason) {
        return new DriftExpectationCreate(row.type(), row.status(), row.key(), row.odsCode(), reason);
    }
}
