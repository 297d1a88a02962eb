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
    private static final Pattern INTERACTION = Pattern.compile("urn:nhs:names:services:[a-z0-9-]+(:[A-Za-z0-9_.-]+)+");

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
}
