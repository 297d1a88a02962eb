package io.spineconsole.domain.registrations;

/**
 * A reference to a record, to jump to it: its type code and its identifier (ODS code, ASID, endpoint
 * UUID), and for a person reading it, optionally, how they name it when the identifier is not that
 * ({@code label}: an endpoint's party key) and the name of the organisation it belongs to.
 */
public record RecordRef(String type, String id, String label, String name) {

    public RecordRef(String type, String id) {
        this(type, id, null, null);
    }

    public static RecordRef of(RecordType type, String id) {
        return new RecordRef(type.code(), id);
    }

    /** The same reference with no words for a person: type and identifier only. */
    public RecordRef bare() {
        return label == null && name == null ? this : new RecordRef(type, id);
    }
}
