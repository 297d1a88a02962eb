package io.spineconsole.sandbox.registrations.transfer;

/**
 * The file to import cannot be read as what it claims to be (not JSON, not a FHIR Bundle, not UTF-8
 * CSV, an unknown column): nothing in it was imported. Unlike a bad entry, which the import report
 * lists, this refuses the whole file; {@code field} says where (a JSON Pointer, a {@code column.<name>},
 * or empty for the whole file).
 */
public final class UnreadableFile extends RuntimeException {
    private final String field;

    public UnreadableFile(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
