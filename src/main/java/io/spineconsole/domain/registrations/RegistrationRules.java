package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Identifiers;
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
 * directory accepts (party-key prefix ≠ owner, FQDN ≠ URL host, ASID not starting with 2).
 */
public final class RegistrationRules {
    private static final Pattern HTTPS_URL = Pattern.compile("https://[A-Za-z0-9.-]+(:\\d{1,5})?(/[^\\s#]*)?");
    private static final Pattern FQDN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern CPA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DURATION = Pattern.compile("P(?=\\d|T\\d)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?");
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-F]{1,64}");
    private static final int MAX_INTERACTIONS = 500;

    private RegistrationRules() {
    }

    public static Optional<String> checkHttpsUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("A URL is required.");
        }
        if (value.length() > 2048 || !HTTPS_URL.matcher(value).matches()) {
            return Optional.of("The URL must be an absolute https:// address without user name or fragment, "
                    + "for example https://mhs.rr8.example/reliablemessaging/reliablerequest.");
        }
        return Optional.empty();
    }

    public static Optional<String> checkFqdn(String value) {
        if (value == null || value.length() < 4 || value.length() > 253 || !FQDN.matcher(value).matches()) {
            return Optional.of("An FQDN is a lower-case host name with dots and no trailing dot, for example mhs.rr8.example.");
        }
        return Optional.empty();
    }

    public static Optional<String> checkCpaId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("A CPA id is required.");
        }
        return CPA_ID.matcher(value).matches() ? Optional.empty()
                : Optional.of("A CPA id is 1 to 64 letters, digits, '_' or '-', for example S20001A000182.");
    }

    /** ISO-8601 durations as SDS uses them; years and months are refused because their length varies. */
    public static Optional<String> checkDuration(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("A duration is required.");
        }
        return value.length() <= 40 && DURATION.matcher(value).matches() ? Optional.empty()
                : Optional.of("Use an ISO-8601 duration in weeks, days, hours, minutes or seconds, for example PT2H or P1D.");
    }

    public static Optional<String> checkPostcode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return POSTCODE.matcher(value).matches() ? Optional.empty()
                : Optional.of("A postcode is upper-case, for example LS1 3EX.");
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

    public static List<FieldIssue> organisationErrors(String odsCode, String name, OrganisationKind kind,
                                                      String parentOdsCode, String postcode, boolean creating) {
        List<FieldIssue> out = new ArrayList<>();
        if (creating) {
            Identifiers.checkOdsCode(odsCode).ifPresent(m -> out.add(format("/odsCode", odsCode, m)));
        }
        checkName(out, "/name", name, 200, true);
        if (kind == null) {
            out.add(required("/kind", "Choose the kind of organisation."));
        }
        if (parentOdsCode != null) {
            Identifiers.checkOdsCode(parentOdsCode).ifPresent(m -> out.add(new FieldIssue("/parentOdsCode", "PATTERN", m)));
            if (parentOdsCode.equals(odsCode)) {
                out.add(new FieldIssue("/parentOdsCode", "UNKNOWN_REFERENCE", "An organisation cannot be its own parent."));
            }
        }
        checkPostcode(postcode).ifPresent(m -> out.add(new FieldIssue("/postcode", "PATTERN", m)));
        return out;
    }

    public static List<FieldIssue> systemErrors(String asid, String odsCode, String name, String manufacturerOdsCode,
                                                String productName, String productVersion, String partyKey,
                                                List<String> interactions, boolean creating) {
        List<FieldIssue> out = new ArrayList<>();
        if (creating) {
            Identifiers.checkAsid(asid).ifPresent(m -> out.add(format("/asid", asid, m)));
        }
        Identifiers.checkOdsCode(odsCode).ifPresent(m -> out.add(format("/odsCode", odsCode, m)));
        checkName(out, "/name", name, 200, false);
        if (manufacturerOdsCode != null) {
            Identifiers.checkOdsCode(manufacturerOdsCode)
                    .ifPresent(m -> out.add(new FieldIssue("/manufacturerOdsCode", "PATTERN", m)));
        }
        checkName(out, "/productName", productName, 200, false);
        checkName(out, "/productVersion", productVersion, 50, false);
        if (partyKey != null) {
            Identifiers.checkPartyKey(partyKey).ifPresent(m -> out.add(new FieldIssue("/partyKey", "PATTERN", m)));
        }
        if (!creating && interactions == null) {
            // a PUT replaces the record: openapi.yaml requires the list (empty for none)
            out.add(required("/interactions", "List the interactions the system supports (an empty list for none)."));
        }
        checkInteractions(out, interactions, false);
        return out;
    }

    public static List<FieldIssue> endpointErrors(MhsEndpointChange e) {
        List<FieldIssue> out = new ArrayList<>();
        checkName(out, "/name", e.name(), 200, false);
        Identifiers.checkOdsCode(e.odsCode()).ifPresent(m -> out.add(format("/odsCode", e.odsCode(), m)));
        Identifiers.checkPartyKey(e.partyKey()).ifPresent(m -> out.add(format("/partyKey", e.partyKey(), m)));
        checkHttpsUrl(e.url()).ifPresent(m -> out.add(e.url() == null ? required("/url", m)
                : new FieldIssue("/url", e.url().startsWith("https://") ? "PATTERN" : "NOT_HTTPS", m)));
        if (e.fqdn() != null) {
            checkFqdn(e.fqdn()).ifPresent(m -> out.add(new FieldIssue("/fqdn", "PATTERN", m)));
        }
        checkCpaId(e.cpaId()).ifPresent(m -> out.add(format("/cpaId", e.cpaId(), m)));
        checkInteractions(out, e.interactions(), true);
        if (e.messagingPattern() == null) {
            out.add(required("/messagingPattern", "Choose the messaging pattern."));
        } else if (e.messagingPattern().isReliable() && e.reliability() == null) {
            out.add(new FieldIssue("/reliability", "RELIABILITY_REQUIRED",
                    "A " + e.messagingPattern().code() + " endpoint needs reliability settings (retries, interval, persist duration)."));
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
    public static List<FieldIssue> endpointWarnings(String odsCode, String partyKey, String url, String fqdn) {
        List<FieldIssue> out = new ArrayList<>();
        Identifiers.partyKeyPrefix(partyKey).filter(prefix -> odsCode != null && !prefix.equals(odsCode))
                .ifPresent(prefix -> out.add(new FieldIssue("/partyKey", CheckRule.PARTY_KEY_PREFIX_MISMATCH.code(),
                        "Party key " + partyKey + " does not start with the owner's ODS code " + odsCode + ".")));
        hostOf(url).filter(host -> fqdn != null && !host.equals(fqdn))
                .ifPresent(host -> out.add(new FieldIssue("/fqdn", CheckRule.FQDN_URL_HOST_MISMATCH.code(),
                        "FQDN " + fqdn + " differs from the URL host " + host + ".")));
        return out;
    }

    public static List<FieldIssue> systemWarnings(String asid, String odsCode, String partyKey) {
        List<FieldIssue> out = new ArrayList<>();
        if (Identifiers.isUnusualNewAsid(asid)) {
            out.add(new FieldIssue("/asid", CheckRule.ASID_PREFIX.code(), "ASID " + asid + " does not start with 2, as new ASIDs do."));
        }
        Identifiers.partyKeyPrefix(partyKey).filter(prefix -> odsCode != null && !prefix.equals(odsCode))
                .ifPresent(prefix -> out.add(new FieldIssue("/partyKey", CheckRule.PARTY_KEY_PREFIX_MISMATCH.code(),
                        "Party key " + partyKey + " does not start with the owner's ODS code " + odsCode + ".")));
        return out;
    }

    /** Whether an endpoint of {@code pattern} should carry reliability settings at all. */
    public static boolean reliabilityApplies(MessagingPattern pattern) {
        return pattern != null && pattern.isReliable();
    }

    private static void reliabilityErrors(List<FieldIssue> out, Reliability r) {
        if (r.retries() == null) {
            out.add(required("/reliability/retries", "Give the number of retries (0 to 20)."));
        } else if (r.retries() < 0 || r.retries() > 20) {
            out.add(new FieldIssue("/reliability/retries", "OUT_OF_RANGE", "Retries must be from 0 to 20."));
        }
        checkDuration(r.retryInterval()).ifPresent(m -> out.add(format("/reliability/retryInterval", r.retryInterval(), m)));
        checkDuration(r.persistDuration()).ifPresent(m -> out.add(format("/reliability/persistDuration", r.persistDuration(), m)));
        if (r.ackRequested() == null) {
            out.add(required("/reliability/ackRequested", "Say whether an acknowledgement is requested (always or never)."));
        }
        if (r.duplicateElimination() == null) {
            out.add(required("/reliability/duplicateElimination", "Say whether duplicates are eliminated (always or never)."));
        }
        if (r.syncReplyMode() == null) {
            out.add(required("/reliability/syncReplyMode", "Choose the sync reply mode."));
        }
    }

    private static void certificateErrors(List<FieldIssue> out, CertificateInput c) {
        if (c.subject() == null || c.subject().isBlank()) {
            out.add(required("/certificate/subject", "Give the certificate's subject name."));
        } else if (c.subject().length() < 3 || c.subject().length() > 500) {
            out.add(new FieldIssue("/certificate/subject", "TOO_LONG", "The subject is 3 to 500 characters."));
        }
        if (c.issuer() != null && (c.issuer().length() < 3 || c.issuer().length() > 500)) {
            out.add(new FieldIssue("/certificate/issuer", "TOO_LONG", "The issuer is 3 to 500 characters."));
        }
        if (c.serial() == null || c.serial().isBlank()) {
            out.add(required("/certificate/serial", "Give the certificate's serial number."));
        } else if (!SERIAL.matcher(c.serial()).matches()) {
            out.add(new FieldIssue("/certificate/serial", "PATTERN", "The serial is upper-case hex without separators, for example 5A3F09C2E17B44D1."));
        }
        if (c.notBefore() == null) {
            out.add(required("/certificate/notBefore", "Give the start of validity."));
        }
        if (c.notAfter() == null) {
            out.add(required("/certificate/notAfter", "Give the end of validity."));
        }
        if (c.notBefore() != null && c.notAfter() != null && !c.notAfter().isAfter(c.notBefore())) {
            out.add(new FieldIssue("/certificate/notAfter", "DATE_ORDER", "The end of validity must be after its start."));
        }
    }

    private static void checkInteractions(List<FieldIssue> out, List<String> interactions, boolean atLeastOne) {
        if (interactions == null || interactions.isEmpty()) {
            if (atLeastOne) {
                out.add(required("/interactions", "List at least one interaction the endpoint serves."));
            }
            return;
        }
        if (interactions.size() > MAX_INTERACTIONS) {
            out.add(new FieldIssue("/interactions", "TOO_LONG", "At most " + MAX_INTERACTIONS + " interactions."));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < interactions.size(); i++) {
            String id = interactions.get(i);
            String field = "/interactions/" + i;
            Optional<String> problem = Identifiers.checkInteractionId(id);
            if (problem.isPresent()) {
                out.add(new FieldIssue(field, id == null ? "REQUIRED" : "PATTERN", problem.get()));
            } else if (!seen.add(id)) {
                out.add(new FieldIssue(field, "ALREADY_EXISTS", "Interaction " + id + " is listed twice."));
            }
        }
    }

    private static void checkName(List<FieldIssue> out, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                out.add(required(field, "A name is required."));
            }
        } else if (value.isBlank()) {
            out.add(new FieldIssue(field, "TOO_SHORT", "Leave it out rather than blank."));
        } else if (value.length() > max) {
            out.add(new FieldIssue(field, "TOO_LONG", "At most " + max + " characters."));
        }
    }

    private static FieldIssue format(String field, String value, String message) {
        return new FieldIssue(field, value == null || value.isBlank() ? "REQUIRED" : "PATTERN", message);
    }

    private static FieldIssue required(String field, String message) {
        return new FieldIssue(field, "REQUIRED", message);
    }
}
