package io.spineconsole.domain.registrations;

/** A reference to a record, to jump to it: its type code and its identifier (ODS code, ASID, endpoint UUID). */
public record RecordRef(String type, String id) {
    public static RecordRef of(RecordType type, String id) {
        return new RecordRef(type.code(), id);
    }
}
