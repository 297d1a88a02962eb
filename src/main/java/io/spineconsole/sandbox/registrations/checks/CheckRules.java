package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Endpoint;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Org;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Sys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registration check rules, as pure functions over what a run has read. Identifier formats are
 * the domain's ({@link Identifiers}, {@link RegistrationRules}); comparisons keep the meaning the
 * rules had as SQL ({@link SqlText}): LIKE with its wildcards, NULLs never matching.
 */
final class CheckRules {
    private static final Set<String> RELIABLE = Arrays.stream(MessagingPattern.values())
            .filter(MessagingPattern::isReliable).map(Coded::code).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> INACTIVE_OWNER = Set.of(RegistrationStatus.SUSPENDED.code(),
            RegistrationStatus.RETIRED.code());
    private static final String ACTIVE = RegistrationStatus.ACTIVE.code();
    private static final String RETIRED = RegistrationStatus.RETIRED.code();

    private final CheckedDirectory d;
    private final List<Org> organisations;
    private final List<Sys> systems;
    private final List<Endpoint> endpoints;
    private final Instant now;
    private final int expiringDays;

    /** The rules over {@code d}'s records in scope, as of {@code now}; certificates expiring within {@code expiringDays} are reported. */
    CheckRules(CheckedDirectory d, Instant now, int expiringDays) {
        this.d = d;
        this.organisations = d.organisationsInScope();
        this.systems = d.systemsInScope();
        this.endpoints = d.endpointsInScope();
        this.now = now;
        this.expiringDays = expiringDays;
    }

    /** What {@code rule} finds, in no particular order. */
    List<Finding> findings(CheckRule rule) {
        List<Finding> out = new ArrayList<>();
        switch (rule) {
            case ODS_CODE_FORMAT -> organisations.stream().filter(o -> Identifiers.checkOdsCode(o.ods()).isPresent())
                    .forEach(o -> out.add(finding(rule, RecordType.ORGANISATION, o.ods(), "/odsCode",
                            "ODS code " + o.ods() + " is not 3-9 upper-case letters and digits.")));
            case ASID_FORMAT -> systems.stream().filter(s -> Identifiers.checkAsid(SqlText.trim(s.asid())).isPresent())
                    .forEach(s -> out.add(system(rule, s, "/asid", "ASID " + s.id() + " is not 12 digits.")));
            case ASID_PREFIX -> systems.stream().filter(s -> !s.asid().startsWith("2")).forEach(s ->
                    out.add(system(rule, s, "/asid", "ASID " + s.id() + " does not start with 2, as new ASIDs do.")));
            case PARTY_KEY_FORMAT -> partyKeyFormat(rule, out);
            case PARTY_KEY_PREFIX_MISMATCH -> {
                endpoints.stream().filter(e -> prefixMismatch(e.partyKey(), e.ods())).forEach(e ->
                        out.add(finding(rule, RecordType.ENDPOINT, e.uuid().trim(), "/partyKey", "Party key " + e.partyKey()
                                + " does not start with the owner's ODS code " + e.ods() + ".")));
                systems.stream().filter(s -> prefixMismatch(s.partyKey(), s.ods())).forEach(s ->
                        out.add(system(rule, s, "/partyKey", "Party key " + s.partyKey()
                                + " does not start with the owner's ODS code " + s.ods() + ".")));
            }
            case URL_NOT_HTTPS -> endpoints.stream().filter(e -> e.url() != null && !e.url().startsWith("https://"))
                    .forEach(e -> out.add(endpoint(rule, e, "/url", "URL " + e.url() + " is not an absolute https:// address.")));
            case FQDN_URL_HOST_MISMATCH -> endpoints.stream().filter(CheckRules::fqdnDiffers).forEach(e ->
                    out.add(endpoint(rule, e, "/fqdn", "FQDN " + e.fqdn() + " differs from the URL host "
                            + RegistrationRules.hostOf(e.url()).orElse(e.url()) + ".")));
            case INTERACTION_FORMAT -> eachInteraction(rule, out, (id, pattern) -> Identifiers.checkInteractionId(id)
                    .map(problem -> "Interaction " + id + " is not a urn:nhs:names:services: URN.").orElse(null), true);
            case INTERACTION_UNKNOWN -> eachInteraction(rule, out, (id, pattern) -> d.catalogue.containsKey(id) ? null
                    : "Interaction " + id + " is not in the catalogue; its messaging pattern is unknown.", true);
            case INTERACTION_PATTERN_MISMATCH -> eachInteraction(rule, out, (id, pattern) -> {
                String listed = d.catalogue.get(id);
                return listed != null && pattern != null && !listed.equals(pattern)
                        ? "Interaction " + id + " is " + listed + " in the catalogue, but the endpoint is " + pattern + "."
                        : null;
            }, false);
            case RELIABILITY_MISSING -> endpoints.stream()
                    .filter(e -> RELIABLE.contains(e.pattern()) && e.retryInterval() == null).forEach(e ->
                            out.add(endpoint(rule, e, "/reliability", "A " + e.pattern()
                                    + " endpoint has no reliability settings.")));
            case RELIABILITY_NOT_APPLICABLE -> endpoints.stream()
                    .filter(e -> e.pattern() != null && !RELIABLE.contains(e.pattern()) && e.retryInterval() != null)
                    .forEach(e -> out.add(endpoint(rule, e, "/reliability", "A " + e.pattern()
                            + " endpoint carries reliability settings it does not use.")));
            case DUPLICATE_ENDPOINT -> {
                out.addAll(duplicates(rule, Endpoint::partyKey, "party key"));
                out.addAll(duplicates(rule, Endpoint::url, "URL"));
            }
            case DUPLICATE_ASID_INTERACTION -> duplicateSystemInteractions(rule, out);
            case CERTIFICATE_MISSING, CERTIFICATE_EXPIRED, CERTIFICATE_EXPIRING, CERTIFICATE_NOT_YET_VALID ->
                    certificates(rule, out);
            case OWNER_UNKNOWN -> {
                organisations.stream().filter(o -> o.parent() != null && !d.organisations.containsKey(o.parent())).forEach(o ->
                        out.add(finding(rule, RecordType.ORGANISATION, o.ods(), "/parentOdsCode",
                                "Parent organisation " + o.parent() + " is not registered.")));
                systems.stream().filter(s -> s.manufacturer() != null && !d.organisations.containsKey(s.manufacturer()))
                        .forEach(s -> out.add(system(rule, s, "/manufacturerOdsCode",
                                "Manufacturer " + s.manufacturer() + " is not a registered organisation.")));
            }
            case OWNER_NOT_ACTIVE -> {
                for (Endpoint e : endpoints) {
                    Org owner = d.organisations.get(e.ods());
                    if (ACTIVE.equals(e.status()) && owner != null && INACTIVE_OWNER.contains(owner.status())) {
                        out.add(ownerNotActive(rule, RecordType.ENDPOINT, e.uuid().trim(), owner));
                    }
                }
                for (Sys s : systems) {
                    Org owner = d.organisations.get(s.ods());
                    if (ACTIVE.equals(s.status()) && owner != null && INACTIVE_OWNER.contains(owner.status())) {
                        out.add(ownerNotActive(rule, RecordType.ACCREDITED_SYSTEM, s.id(), owner));
                    }
                }
            }
            default -> throw new IllegalStateException("No check for " + rule);
        }
        return out;
    }

    private void partyKeyFormat(CheckRule rule, List<Finding> out) {
        String problem = " is not an ODS code, a hyphen and 5-9 digits.";
        endpoints.stream().filter(e -> e.partyKey() != null && Identifiers.checkPartyKey(e.partyKey()).isPresent())
                .forEach(e -> out.add(endpoint(rule, e, "/partyKey", "Party key " + e.partyKey() + problem)));
        systems.stream().filter(s -> s.partyKey() != null && Identifiers.checkPartyKey(s.partyKey()).isPresent())
                .forEach(s -> out.add(system(rule, s, "/partyKey", "Party key " + s.partyKey() + problem)));
    }

    private void certificates(CheckRule rule, List<Finding> out) {
        switch (rule) {
            case CERTIFICATE_MISSING -> endpoints.stream().filter(e -> e.notAfter() == null).forEach(e -> {
                boolean active = ACTIVE.equals(e.status());
                out.add(new Finding(active ? Severity.ERROR : Severity.WARNING, rule,
                        "The endpoint has no TLS client certificate" + (active ? " but is active." : "."),
                        RecordRef.of(RecordType.ENDPOINT, e.uuid()), "/certificate", List.of()));
            });
            case CERTIFICATE_EXPIRED -> endpoints.stream().filter(e -> e.notAfter() != null && e.notAfter().isBefore(now))
                    .forEach(e -> out.add(endpoint(rule, e, "/certificate/notAfter", "The certificate has expired.")
                            .withAt(e.notAfter())));
            case CERTIFICATE_EXPIRING -> {
                Instant until = now.plus(Duration.ofDays(expiringDays));
                endpoints.stream().filter(e -> e.notAfter() != null && !e.notAfter().isBefore(now)
                                && e.notAfter().isBefore(until))
                        .forEach(e -> out.add(endpoint(rule, e, "/certificate/notAfter", "The certificate expires within "
                                + expiringDays + " days.").withAt(e.notAfter())));
            }
            case CERTIFICATE_NOT_YET_VALID -> endpoints.stream().filter(e -> e.notBefore() != null && e.notBefore().isAfter(now))
                    .forEach(e -> out.add(endpoint(rule, e, "/certificate/notBefore", "The certificate is not valid yet.")
                            .withAt(e.notBefore())));
            default -> throw new IllegalStateException("Not a certificate rule: " + rule);
        }
    }

    /** What one interaction rule says about one listed interaction (null: nothing); {@code pattern} is the endpoint's. */
    @FunctionalInterface
    private interface InteractionRule {
        String problem(String id, String pattern);
    }

    /** Applies {@code check} to every listed interaction of the endpoints and, when {@code systemsToo}, of the systems. */
    private void eachInteraction(CheckRule rule, List<Finding> out, InteractionRule check, boolean systemsToo) {
        for (Endpoint e : endpoints) {
            e.interactions().forEach((id, position) -> {
                String problem = check.problem(id, e.pattern());
                if (problem != null) {
                    out.add(endpoint(rule, e, "/interactions/" + position, problem));
                }
            });
        }
        if (!systemsToo) {
            return;
        }
        for (Sys s : systems) {
            s.interactions().forEach((id, position) -> {
                String problem = check.problem(id, null);
                if (problem != null) {
                    out.add(system(rule, s, "/interactions/" + position, problem));
                }
            });
        }
    }

    private void duplicateSystemInteractions(CheckRule rule, List<Finding> out) {
        for (Sys s : systems) {
            Set<String> seen = new HashSet<>();
            Set<String> reported = new HashSet<>();
            s.interactions().forEach((id, position) -> {
                if (!seen.add(id) && reported.add(id)) {
                    out.add(system(rule, s, "/interactions", "Interaction " + id + " is listed more than once."));
                }
            });
        }
    }

    /**
     * Live endpoints that share {@code key} and an interaction with another live endpoint, each naming the others
     * (by internal id, at most 100). Retired endpoints never count, whatever the scope.
     */
    private List<Finding> duplicates(CheckRule rule, Function<Endpoint, String> key, String what) {
        Map<String, List<Endpoint>> byKey = new HashMap<>();
        for (Endpoint e : d.endpoints.values()) {
            String k = key.apply(e);
            if (k != null && !RETIRED.equals(e.status()) && e.interactions().size() > 0) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Endpoint>> group : byKey.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            Map<String, List<Endpoint>> byInteraction = new LinkedHashMap<>();
            for (Endpoint e : group.getValue()) {
                e.interactions().forEach((id, position) -> byInteraction.computeIfAbsent(id, x -> new ArrayList<>()).add(e));
            }
            byInteraction.forEach((interaction, same) -> {
                List<Endpoint> ordered = same.stream().distinct().sorted(Comparator.comparingLong(Endpoint::id)).toList();
                if (ordered.size() < 2) {
                    return;
                }
                for (Endpoint e : ordered) {
                    if (!e.inScope()) {
                        continue;
                    }
                    List<RecordRef> others = ordered.stream().filter(x -> x.id() != e.id()).limit(100)
                            .map(x -> RecordRef.of(RecordType.ENDPOINT, x.uuid())).toList();
                    out.add(new Finding(rule.severity(), rule, "Another endpoint has the same " + what + " " + group.getKey()
                            + " for interaction " + interaction + ".", RecordRef.of(RecordType.ENDPOINT, e.uuid()),
                            what.equals("URL") ? "/url" : "/partyKey", others));
                }
            });
        }
        return out;
    }

    /** A well-formed party key that does not start with its owner's ODS code and a hyphen. */
    static boolean prefixMismatch(String partyKey, String ods) {
        return partyKey != null && ods != null && !SqlText.like(partyKey, ods + "-%")
                && Identifiers.partyKeyPrefix(partyKey).isPresent();
    }

    /** The URL is not https:// followed by the FQDN, alone or before a path or a port (URL compared in lower case). */
    static boolean fqdnDiffers(Endpoint e) {
        if (e.url() == null || e.fqdn() == null) {
            return false;
        }
        String url = e.url().toLowerCase(Locale.ROOT);
        String base = "https://" + e.fqdn();
        return !url.equals(base) && !SqlText.like(url, base + "/%") && !SqlText.like(url, base + ":%");
    }

    private static Finding ownerNotActive(CheckRule rule, RecordType type, String id, Org owner) {
        return new Finding(rule.severity(), rule, "Active, but its organisation " + owner.ods() + " is " + owner.status() + ".",
                RecordRef.of(type, id), "/odsCode", List.of(RecordRef.of(RecordType.ORGANISATION, owner.ods())));
    }

    private static Finding endpoint(CheckRule rule, Endpoint e, String field, String message) {
        return finding(rule, RecordType.ENDPOINT, e.uuid(), field, message);
    }

    private static Finding system(CheckRule rule, Sys s, String field, String message) {
        return finding(rule, RecordType.ACCREDITED_SYSTEM, s.id(), field, message);
    }

    private static Finding finding(CheckRule rule, RecordType type, String id, String field, String message) {
        return new Finding(rule.severity(), rule, message, RecordRef.of(type, id), field, List.of());
    }
}
