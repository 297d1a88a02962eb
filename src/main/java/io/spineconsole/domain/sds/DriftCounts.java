package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.RecordType;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The totals of a drift comparison, for showing before any row: how many records each side had in
 * scope, how many agree, and how many are missing on one side or different, with how many rows
 * differ in each field. Rows someone marked as expected are counted apart ({@code expected}), in none of the
 * drift counts.
 */
public record DriftCounts(RecordType type, long ours, long published, long same, long different, long missingInSds,
                          long missingHere, Map<DriftField, Long> differentByField, long expected) {
    public DriftCounts {
        EnumMap<DriftField, Long> copy = new EnumMap<>(DriftField.class);
        if (differentByField != null) {
            copy.putAll(differentByField);
        }
        differentByField = Collections.unmodifiableMap(copy);
    }

    /** The counts as a comparison gives them, before any row is marked as expected. */
    public DriftCounts(RecordType type, long ours, long published, long same, long different, long missingInSds,
                       long missingHere, Map<DriftField, Long> differentByField) {
        this(type, ours, published, same, different, missingInSds, missingHere, differentByField, 0);
    }

    /**
     * These counts with {@code expectedRows} (rows of this comparison marked as expected) taken out of the drift
     * counts and counted as expected instead. Rows of another record type are ignored.
     */
    public DriftCounts excluding(Collection<DriftRow> expectedRows) {
        long diff = different;
        long inSds = missingInSds;
        long here = missingHere;
        long marked = expected;
        EnumMap<DriftField, Long> fields = new EnumMap<>(DriftField.class);
        fields.putAll(differentByField);
        for (DriftRow r : expectedRows) {
            if (r.type() != type) {
                continue;
            }
            marked++;
            switch (r.status()) {
                case DIFFERENT -> {
                    diff--;
                    for (Difference d : r.differences()) {
                        fields.computeIfPresent(d.field(), (f, n) -> n > 1 ? n - 1 : null);
                    }
                }
                case MISSING_IN_SDS -> inSds--;
                case MISSING_HERE -> here--;
            }
        }
        return new DriftCounts(type, ours, published, same, diff, inSds, here, fields, marked);
    }

    /** Rows a person has to look at: everything that is not the same and not marked as expected. */
    public long rows() {
        return different + missingInSds + missingHere;
    }

    public long differentIn(DriftField field) {
        return differentByField.getOrDefault(field, 0L);
    }
}
