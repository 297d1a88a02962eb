package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.RecordType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The totals of a drift comparison, for showing before any row: how many records each side had in
 * scope, how many agree, and how many are missing on one side or different, with how many rows
 * differ in each field.
 */
public record DriftCounts(RecordType type, long ours, long published, long same, long different, long missingInSds,
                          long missingHere, Map<DriftField, Long> differentByField) {
    public DriftCounts {
        EnumMap<DriftField, Long> copy = new EnumMap<>(DriftField.class);
        if (differentByField != null) {
            copy.putAll(differentByField);
        }
        differentByField = Collections.unmodifiableMap(copy);
    }

    /** Rows a person has to look at: everything that is not the same. */
    public long rows() {
        return different + missingInSds + missingHere;
    }

    public long differentIn(DriftField field) {
        return differentByField.getOrDefault(field, 0L);
    }
}
