package io.spineconsole.domain;

/**
 * Every issue a domain rule ({@link Identifiers}, {@code RegistrationRules}) can raise. The rules
 * name the issue and its arguments; the words are the UI's ({@code messages.properties}, key
 * {@code rule.<code>}), and the sandbox words them from the same text for its problem details.
 */
public enum RuleCode implements Coded {
    ODS_CODE_REQUIRED("odsCodeRequired"),
    ODS_CODE_FORMAT("odsCodeFormat"),
    ASID_REQUIRED("asidRequired"),
    ASID_FORMAT("asidFormat"),
    PARTY_KEY_REQUIRED("partyKeyRequired"),
    PARTY_KEY_FORMAT("partyKeyFormat"),
    INTERACTION_ID_REQUIRED("interactionIdRequired"),
    INTERACTION_ID_FORMAT("interactionIdFormat"),
    URL_REQUIRED("urlRequired"),
    URL_FORMAT("urlFormat"),
    FQDN_FORMAT("fqdnFormat"),
    CPA_ID_REQUIRED("cpaIdRequired"),
    CPA_ID_FORMAT("cpaIdFormat"),
    DURATION_REQUIRED("durationRequired"),
    DURATION_FORMAT("durationFormat"),
    POSTCODE_FORMAT("postcodeFormat"),
    NAME_REQUIRED("nameRequired"),
    NAME_BLANK("nameBlank"),
    /** Args: the most characters allowed. */
    TOO_LONG("tooLong"),
    KIND_REQUIRED("kindRequired"),
    OWN_PARENT("ownParent"),
    INTERACTIONS_REQUIRED("interactionsRequired"),
    INTERACTIONS_LIST_REQUIRED("interactionsListRequired"),
    /** Args: the most interactions allowed. */
    INTERACTIONS_TOO_MANY("interactionsTooMany"),
    /** Args: the interaction ID. */
    INTERACTION_LISTED_TWICE("interactionListedTwice"),
    PATTERN_REQUIRED("patternRequired"),
    /** Args: the messaging pattern's code. */
    RELIABILITY_REQUIRED("reliabilityRequired"),
    /** Args: the fewest and the most retries. */
    RETRIES_REQUIRED("retriesRequired"),
    /** Args: the fewest and the most retries. */
    RETRIES_RANGE("retriesRange"),
    ACK_REQUESTED_REQUIRED("ackRequestedRequired"),
    DUPLICATE_ELIMINATION_REQUIRED("duplicateEliminationRequired"),
    SYNC_REPLY_MODE_REQUIRED("syncReplyModeRequired"),
    SUBJECT_REQUIRED("subjectRequired"),
    /** Args: the shortest and the longest subject. */
    SUBJECT_LENGTH("subjectLength"),
    /** Args: the shortest and the longest issuer. */
    ISSUER_LENGTH("issuerLength"),
    SERIAL_REQUIRED("serialRequired"),
    SERIAL_FORMAT("serialFormat"),
    NOT_BEFORE_REQUIRED("notBeforeRequired"),
    NOT_AFTER_REQUIRED("notAfterRequired"),
    VALIDITY_ORDER("validityOrder"),
    /** Args: the party key, the owner's ODS code. */
    PARTY_KEY_PREFIX_MISMATCH("partyKeyPrefixMismatch"),
    /** Args: the FQDN, the URL's host. */
    FQDN_URL_HOST_MISMATCH("fqdnUrlHostMismatch"),
    /** Args: the ASID. */
    ASID_PREFIX("asidPrefix"),
    ALERT_KIND_REQUIRED("alertKindRequired"),
    ALERT_SCOPE_NOT_ALLOWED("alertScopeNotAllowed"),
    ALERT_TARGET_REQUIRED("alertTargetRequired"),
    /** Args: the target. */
    ALERT_TARGET_UNKNOWN("alertTargetUnknown"),
    ENDPOINT_ID_FORMAT("endpointIdFormat"),
    COMPONENT_CODE_FORMAT("componentCodeFormat"),
    /** Args: the least and the most allowed. */
    ALERT_VALUE_REQUIRED("alertValueRequired"),
    /** Args: the least and the most allowed. */
    ALERT_VALUE_RANGE("alertValueRange"),
    /** Args: the shortest window in minutes. */
    ALERT_WINDOW_TOO_SHORT("alertWindowTooShort"),
    /** Args: the trip figure (a percentage). */
    ALERT_RECOVERY_ORDER("alertRecoveryOrder"),
    ALERT_BACKLOG_LIMIT_REQUIRED("alertBacklogLimitRequired"),
    SNOOZE_UNTIL_REQUIRED("snoozeUntilRequired"),
    SNOOZE_UNTIL_PAST("snoozeUntilPast"),
    /** Args: the most days. */
    SNOOZE_TOO_LONG("snoozeTooLong");

    private final String code;

    RuleCode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The key of its words in {@code messages.properties}. */
    public String key() {
        return "rule." + code;
    }
}
