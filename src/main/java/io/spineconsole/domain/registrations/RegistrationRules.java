package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.RuleCode;
import io.spineconsole.domain.RuleIssue;
import io.spineconsole.domain.messages.MessagingPattern;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field rules for registrations, shared by the server (the final judge) and the console's forms
 * (validation as you type). Errors refuse a change; warnings flag real-world oddities the
 * directory accepts (party-key prefix ≠ owner, FQDN ≠ URL host, ASID not starting with 2). The
 * rules name each issue ({@link RuleCode} and its arguments); whoever shows it words it.
 */
public final class RegistrationRules {
    public static final int MAX_INTERACTIONS = 500;
    public static final int MIN_RETRIES = 0;
    public static final int MAX_RETRIES = 20;
    private static final Pattern HTTPS_URL = Pattern.compile("https://[A-Za-z0-9.-]+(:\\d{1,5})?(/[^\\s#]*)?");
    private static final Pattern FQDN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern CPA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DURATION = Pattern.compile("P(?=\\d|T\\d)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?");
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-F]{1,64}");
    private static final int MIN_NAME = 3;
    private static final int MAX_NAME = 500;

    private RegistrationRules() {
    }

    public static Optional<RuleIssue> checkHttpsUrl(String value) {
        if (value == null || value.isBlank()) {
            return issue(RuleCode.URL_REQUIRED);
        }
        if (value.length() > 2048 || !HTTPS_URL.matcher(value).matches()) {
            return issue(RuleCode.URL_FORMAT);
        }
        return Optional.empty();
    }

    public static Optional<RuleIssue> checkFqdn(String value) {
        if (value == null || value.length() < 4 || value.length() > 253 || !FQDN.matcher(value).matches()) {
            return issue(RuleCode.FQDN_FORMAT);
        }
        return Optional.empty();
    }

    public static Optional<RuleIssue> checkCpaId(String value) {
        if (value == null || value.isBlank()) {
            return issue(RuleCode.CPA_ID_REQUIRED);
        }
        return CPA_ID.matcher(value).matches() ? Optional.empty() : issue(RuleCode.CPA_ID_FORMAT);
    }

    /** ISO-8601 durations as SDS uses them; years and months are refused because their length varies. */
    public static Optional<RuleIssue> checkDuration(String value) {
        if (value == null || value.isBlank()) {
            return issue(RuleCode.DURATION_REQUIRED);
        }
        return value.length() <= 40 && DURATION.matcher(value).matches() ? Optional.empty()
                : issue(RuleCode.DURATION_FORMAT);
    }

    public static Optional<RuleIssue> checkPostcode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return POSTCODE.matcher(value).matches() ? Optional.empty() : issue(RuleCode.POSTCODE_FORMAT);
    }

    /** The host of an https URL, lower-cased: the FQDN an endpoint's URL implies. */
    public static Optional<String> hostOf(String url) {
        if (url == null || checkHttpsUrl(url).isPresent()) {
            return Optional.empty();
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static List<FieldRuleIssue> organisationErrors(String odsCode, String name, OrganisationKind kind,
                                                          String parentOdsCode, String postcode, boolean creating) {
        List<FieldRuleIssue> out = new ArrayList<>();
        if (creating) {
            Identifiers.checkOdsCode(odsCode).ifPresent(i -> out.add(format("/odsCode", odsCode, i)));
        }
        checkName(out, "/name", name, 200, true);
        if (kind == null) {
            out.add(required("/kind", RuleCode.KIND_REQUIRED));
        }
        if (parentOdsCode != null) {
            Identifiers.checkOdsCode(parentOdsCode).ifPresent(i -> out.add(new FieldRuleIssue("/parentOdsCode", "PATTERN", i)));
            if (parentOdsCode.equals(odsCode)) {
                out.add(FieldRuleIssue.of("/parentOdsCode", "UNKNOWN_REFERENCE", RuleCode.OWN_PARENT));
            }
        }
        checkPostcode(postcode).ifPresent(i -> out.add(new FieldRuleIssue("/postcode", "PATTERN", i)));
        return out;
    }

    public static List<FieldRuleIssue> systemErrors(String asid, String odsCode, String name, String manufacturerOdsCode,
                                                    String productName, String productVersion, String partyKey,
                                                    List<String> interactions, boolean creating) {
        List<FieldRuleIssue> out = new ArrayList<>();
        if (creating) {
            Identifiers.checkAsid(asid).ifPresent(i -> out.add(format("/asid", asid, i)));
        }
        Identifiers.checkOdsCode(odsCode).ifPresent(i -> out.add(format("/odsCode", odsCode, i)));
        checkName(out, "/name", name, 200, false);
        if (manufacturerOdsCode != null) {
            Identifiers.checkOdsCode(manufacturerOdsCode)
                    .ifPresent(i -> out.add(new FieldRuleIssue("/manufacturerOdsCode", "PATTERN", i)));
        }
        checkName(out, "/productName", productName, 200, false);
        checkName(out, "/productVersion", productVersion, 50, false);
        if (partyKey != null) {
            Identifiers.checkPartyKey(partyKey).ifPresent(i -> out.add(new FieldRuleIssue("/partyKey", "PATTERN", i)));
        }
        if (!creating && interactions == null) {
            // a PUT replaces the record: openapi.yaml requires the list (empty for none)
            out.add(required("/interactions", RuleCode.INTERACTIONS_LIST_REQUIRED));
        }
        checkInteractions(out, interactions, false);
        return out;
    }

    public static List<FieldRuleIssue> endpointErrors(MhsEndpointChange e) {
        List<FieldRuleIssue> out = new ArrayList<>();
        checkName(out, "/name", e.name(), 200, false);
        Identifiers.checkOdsCode(e.odsCode()).ifPresent(i -> out.add(format("/odsCode", e.odsCode(), i)));
        Identifiers.checkPartyKey(e.partyKey()).ifPresent(i -> out.add(format("/partyKey", e.partyKey(), i)));
        checkHttpsUrl(e.url()).ifPresent(i -> out.add(new FieldRuleIssue("/url", e.url() == null ? "REQUIRED"
                : e.url().startsWith("https://") ? "PATTERN" : "NOT_HTTPS", i)));
        if (e.fqdn() != null) {
            checkFqdn(e.fqdn()).ifPresent(i -> out.add(new FieldRuleIssue("/fqdn", "PATTERN", i)));
        }
        checkCpaId(e.cpaId()).ifPresent(i -> out.add(format("/cpaId", e.cpaId(), i)));
        checkInteractions(out, e.interactions(), true);
        if (e.messagingPattern() == null) {
            out.add(required("/messagingPattern", RuleCode.PATTERN_REQUIRED));
        } else if (e.messagingPattern().isReliable() && e.reliability() == null) {
            out.add(FieldRuleIssue.of("/reliability", "RELIABILITY_REQUIRED", RuleCode.RELIABILITY_REQUIRED,
                    e.messagingPattern().code()));
        }
        if (e.reliability() != null) {
            reliabilityErrors(out, e.reliability());
        }
        if (e.certificate() != null) {
            certificateErrors(out, e.certificate());
        }
        return out;
    }

    /** Oddities real directories hold: accepted, but worth telling the person who enters them. */
    public static List<FieldRuleIssue> endpointWarnings(String odsCode, String partyKey, String url, String fqdn) {
        List<FieldRuleIssue> out = new ArrayList<>();
        partyKeyPrefix(out, odsCode, partyKey);
        hostOf(url).filter(host -> fqdn != null && !host.equals(fqdn))
                .ifPresent(host -> out.add(FieldRuleIssue.of("/fqdn", CheckRule.FQDN_URL_HOST_MISMATCH.code(),
                        RuleCode.FQDN_URL_HOST_MISMATCH, fqdn, host)));
        return out;
    }

    public static List<FieldRuleIssue> systemWarnings(String asid, String odsCode, String partyKey) {
        List<FieldRuleIssue> out = new ArrayList<>();
        if (Identifiers.isUnusualNewAsid(asid)) {
            out.add(FieldRuleIssue.of("/asid", CheckRule.ASID_PREFIX.code(), RuleCode.ASID_PREFIX, asid));
        }
        partyKeyPrefix(out, odsCode, partyKey);
        return out;
    }

    /** Whether an endpoint of {@code pattern} should carry reliability settings at all. */
    public static boolean reliabilityApplies(MessagingPattern pattern) {
        return pattern != null && pattern.isReliable();
    }

    private static void partyKeyPrefix(List<FieldRuleIssue> out, String odsCode, String partyKey) {
        Identifiers.partyKeyPrefix(partyKey).filter(prefix -> odsCode != null && !prefix.equals(odsCode))
                .ifPresent(prefix -> out.add(FieldRuleIssue.of("/partyKey", CheckRule.PARTY_KEY_PREFIX_MISMATCH.code(),
                        RuleCode.PARTY_KEY_PREFIX_MISMATCH, partyKey, odsCode)));
    }

    private static void reliabilityErrors(List<FieldRuleIssue> out, Reliability r) {
        if (r.retries() == null) {
            out.add(FieldRuleIssue.of("/reliability/retries", "REQUIRED", RuleCode.RETRIES_REQUIRED, MIN_RETRIES, MAX_RETRIES));
        } else if (r.retries() < MIN_RETRIES || r.retries() > MAX_RETRIES) {
            out.add(FieldRuleIssue.of("/reliability/retries", "OUT_OF_RANGE", RuleCode.RETRIES_RANGE, MIN_RETRIES, MAX_RETRIES));
        }
        checkDuration(r.retryInterval()).ifPresent(i -> out.add(format("/reliability/retryInterval", r.retryInterval(), i)));
        checkDuration(r.persistDuration()).ifPresent(i -> out.add(format("/reliability/persistDuration", r.persistDuration(), i)));
        if (r.ackRequested() == null) {
            out.add(required("/reliability/ackRequested", RuleCode.ACK_REQUESTED_REQUIRED));
        }
        if (r.duplicateElimination() == null) {
            out.add(required("/reliability/duplicateElimination", RuleCode.DUPLICATE_ELIMINATION_REQUIRED));
        }
        if (r.syncReplyMode() == null) {
            out.add(required("/reliability/syncReplyMode", RuleCode.SYNC_REPLY_MODE_REQUIRED));
        }
    }

    private static void certificateErrors(List<FieldRuleIssue> out, CertificateInput c) {
        if (c.subject() == null || c.subject().isBlank()) {
            out.add(required("/certificate/subject", RuleCode.SUBJECT_REQUIRED));
        } else if (c.subject().length() < MIN_NAME || c.subject().length() > MAX_NAME) {
            out.add(FieldRuleIssue.of("/certificate/subject", "TOO_LONG", RuleCode.SUBJECT_LENGTH, MIN_NAME, MAX_NAME));
        }
        if (c.issuer() != null && (c.issuer().length() < MIN_NAME || c.issuer().length() > MAX_NAME)) {
            out.add(FieldRuleIssue.of("/certificate/issuer", "TOO_LONG", RuleCode.ISSUER_LENGTH, MIN_NAME, MAX_NAME));
        }
        if (c.serial() == null || c.serial().isBlank()) {
            out.add(required("/certificate/serial", RuleCode.SERIAL_REQUIRED));
        } else if (!SERIAL.matcher(c.serial()).matches()) {
            out.add(FieldRuleIssue.of("/certificate/serial", "PATTERN", RuleCode.SERIAL_FORMAT));
        }
        if (c.notBefore() == null) {
            out.add(required("/certificate/notBefore", RuleCode.NOT_BEFORE_REQUIRED));
        }
        if (c.notAfter() == null) {
            out.add(required("/certificate/notAfter", RuleCode.NOT_AFTER_REQUIRED));
        }
        if (c.notBefore() != null && c.notAfter() != null && !c.notAfter().isAfter(c.notBefore())) {
            out.add(FieldRuleIssue.of("/certificate/notAfter", "DATE_ORDER", RuleCode.VALIDITY_ORDER));
        }
    }

    private static void checkInteractions(List<FieldRuleIssue> out, List<String> interactions, boolean atLeastOne) {
        if (interactions == null || interactions.isEmpty()) {
            if (atLeastOne) {
                out.add(required("/interactions", RuleCode.INTERACTIONS_REQUIRED));
            }
            return;
        }
        if (interactions.size() > MAX_INTERACTIONS) {
            out.add(FieldRuleIssue.of("/interactions", "TOO_LONG", RuleCode.INTERACTIONS_TOO_MANY, MAX_INTERACTIONS));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < interactions.size(); i++) {
            String id = interactions.get(i);
            String field = "/interactions/" + i;
            Optional<RuleIssue> problem = Identifiers.checkInteractionId(id);
            if (problem.isPresent()) {
                out.add(new FieldRuleIssue(field, id == null ? "REQUIRED" : "PATTERN", problem.get()));
            } else if (!seen.add(id)) {
                out.add(FieldRuleIssue.of(field, "ALREADY_EXISTS", RuleCode.INTERACTION_LISTED_TWICE, id));
            }
        }
    }

    private static void checkName(List<FieldRuleIssue> out, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                out.add(required(field, RuleCode.NAME_REQUIRED));
            }
        } else if (value.isBlank()) {
            out.add(FieldRuleIssue.of(field, "TOO_SHORT", RuleCode.NAME_BLANK));
        } else if (value.length() > max) {
            out.add(FieldRuleIssue.of(field, "TOO_LONG", RuleCode.TOO_LONG, max));
        }
    }

    private static Optional<RuleIssue> issue(RuleCode code) {
        return Optional.of(RuleIssue.of(code));
    }

    private static FieldRuleIssue format(String field, String value, RuleIssue issue) {
        return new FieldRuleIssue(field, value == null || value.isBlank() ? "REQUIRED" : "PATTERN", issue);
    }

    private static FieldRuleIssue required(String field, RuleCode rule) {
        return FieldRuleIssue.of(field, "REQUIRED", rule);
    }
}
