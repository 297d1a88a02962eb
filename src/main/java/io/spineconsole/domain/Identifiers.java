package io.spineconsole.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Format rules for the backbone's identifiers, as the NHS uses them. Each check returns an empty
 * optional when the value is acceptable, or the issue with it (a {@link RuleCode}; the words are the
 * UI's).
 */
public final class Identifiers {
    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,9}");
    private static final Pattern ASID = Pattern.compile("\\d{12}");
    private static final Pattern PARTY_KEY = Pattern.compile("([A-Z0-9]{1,9})-\\d{5,9}");
    /**
     * {@code urn:nhs:names:services:<service>:<interaction>} in every form SDS publishes (one segment, several,
     * nested URNs, dotted FHIR operations), or one of the ebXML messaging service's own actions, which MHS
     * registrations carry too ({@code urn:oasis:names:tc:ebxml-msg:service:Acknowledgment}).
     */
    private static final Pattern INTERACTION = Pattern.compile("urn:nhs:names:services:[a-z0-9-]+(:[A-Za-z0-9_.-]+)+"
            + "|urn:oasis:names:tc:ebxml-msg:service:(Acknowledgment|MessageError|StatusRequest|StatusResponse|Ping|Pong)");
    /** What untidy extracts leave around an identifier: white space and stray list separators. */
    private static final Pattern STRAY = Pattern.compile("^[\\s,;|]+|[\\s,;|]+$");

    private Identifiers() {
    }

    public static Optional<RuleIssue> checkOdsCode(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(RuleIssue.of(RuleCode.ODS_CODE_REQUIRED));
        }
        if (!ODS.matcher(value).matches()) {
            return Optional.of(RuleIssue.of(RuleCode.ODS_CODE_FORMAT));
        }
        return Optional.empty();
    }

    public static Optional<RuleIssue> checkAsid(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(RuleIssue.of(RuleCode.ASID_REQUIRED));
        }
        if (!ASID.matcher(value).matches()) {
            return Optional.of(RuleIssue.of(RuleCode.ASID_FORMAT));
        }
        return Optional.empty();
    }

    /** A well-formed ASID that does not start with 2 is legal but unusual for a new registration. */
    public static boolean isUnusualNewAsid(String value) {
        return value != null && ASID.matcher(value).matches() && value.charAt(0) != '2';
    }

    public static Optional<RuleIssue> checkPartyKey(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(RuleIssue.of(RuleCode.PARTY_KEY_REQUIRED));
        }
        if (!PARTY_KEY.matcher(value).matches()) {
            return Optional.of(RuleIssue.of(RuleCode.PARTY_KEY_FORMAT));
        }
        return Optional.empty();
    }

    /** The ODS-code part of a well-formed party key (the text before the hyphen). */
    public static Optional<String> partyKeyPrefix(String partyKey) {
        if (partyKey == null) {
            return Optional.empty();
        }
        var m = PARTY_KEY.matcher(partyKey);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static Optional<RuleIssue> checkInteractionId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(RuleIssue.of(RuleCode.INTERACTION_ID_REQUIRED));
        }
        if (!INTERACTION.matcher(value).matches()) {
            return Optional.of(RuleIssue.of(RuleCode.INTERACTION_ID_FORMAT));
        }
        return Optional.empty();
    }

    /**
     * The value with the white space and stray separators ({@code , ; |}) around it taken off, as an extract's
     * list may leave them ({@code urn:nhs:names:services:psis:REPC_IN150016UK05,}); null stays null. Whether
     * the result is an interaction ID is for {@link #checkInteractionId} to say.
     */
    public static String tidyInteractionId(String value) {
        return value == null ? null : STRAY.matcher(value).replaceAll("");
    }
}
