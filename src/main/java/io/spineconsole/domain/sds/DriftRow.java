package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;

import java.util.List;

/**
 * One record that is not the same on both sides.
 *
 * @param type        accredited system or endpoint
 * @param status      missing in SDS, missing here, or different
 * @param key         what identifies the record to a person: the ASID, or the endpoint's party key and address
 * @param odsCode     the owning organisation, from our record when there is one, else from SDS's
 * @param ourId       our record's identifier (ASID, endpoint UUID), or null when it is missing here
 * @param sdsId       SDS's record id, or null when it is missing in SDS
 * @param differences the fields that disagree (empty unless {@code status} is {@link DriftStatus#DIFFERENT})
 */
public record DriftRow(RecordType type, DriftStatus status, String key, String odsCode, String ourId, String sdsId,
                       List<Difference> differences) {
    public DriftRow {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** Our record, to open it; null when it is missing here. */
    public RecordRef ours() {
        return ourId == null ? null : RecordRef.of(type, ourId);
    }

    public boolean differsIn(DriftField field) {
        return differences.stream().anyMatch(d -> d.field() == field);
    }
}
