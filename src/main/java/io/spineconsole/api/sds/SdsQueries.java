package io.spineconsole.api.sds;

/** Checks shared by the SDS search queries. */
final class SdsQueries {
    private SdsQueries() {
    }

    /** The value trimmed, or null when blank; refused when it would change the meaning of a FHIR token search. */
    static String value(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.indexOf(',') >= 0 || v.indexOf('|') >= 0) {
            throw new IllegalArgumentException("The " + what + " '" + v + "' cannot be searched in SDS: it contains "
                    + (v.indexOf(',') >= 0 ? "a comma" : "a '|'") + ", which a FHIR search reads as a separator.");
        }
        return v;
    }

    static String required(String what, String value) {
        String v = value(what, value);
        if (v == null) {
            throw new IllegalArgumentException("An SDS search needs the " + what + ".");
        }
        return v;
    }
}
