package io.spineconsole.sandbox.outcome;

/**
 * One thing wrong with an input, or one reason a rule refused: where ({@code field}: a JSON Pointer
 * such as {@code /odsCode}, a {@code query.<name>}, a {@code header.<name>}, or empty for the whole
 * request), a stable {@code code}, and a sentence.
 */
public record Issue(String field, String code, String message) {

    /** A reason that concerns the request as a whole rather than one field. */
    public static Issue general(String code, String message) {
        return new Issue("", code, message);
    }
}
