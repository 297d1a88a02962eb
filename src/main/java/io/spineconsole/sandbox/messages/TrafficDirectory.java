package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.Sql;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the traffic simulator needs from the directory and the migration programme, read in one
 * go: registered endpoints by interaction, and which sites route each component's traffic.
 * Immutable; the simulator reloads it now and then so registration and cut-over changes show.
 */
final class TrafficDirectory {
    /** A registered endpoint that can send and receive. */
    record Target(long rowId, UUID id, String partyKey, String asid, String ods, String fqdn, MessagingPattern pattern,
                  int retries, Duration retryInterval, Duration persistDuration, boolean ackRequested,
                  Instant certNotAfter, String status, List<String> interactions) {
        boolean reliable() {
            return pattern.isReliable();
        }
    }

    /** How an interaction id starts; the service's name follows, up to the next colon. */
    private static final String SERVICES = "urn:nhs:names:services:";
    /** Components whose traffic no longer goes through a data centre. */
    private static final Set<String> CUT_OVER_STATES = Set.of("cut-over", "decommissioning", "decommissioned");

    private final List<Target> targets;
    private final Map<String, List<Target>> byInteraction;
    private final Map<UUID, Target> byId;
    private final Map<String, List<String>> sitesByComponent;
    private final List<String> cloudSites;
    /** Sorted once: the simulator picks from them for every message it makes. */
    private final List<String> routable;
    /** Each routable interaction's sites, worked out once rather than for every message. */
    private final Map<String, List<String>> sitesByInteraction = new HashMap<>();

    private TrafficDirectory(List<Target> targets, Map<String, List<String>> sitesByComponent, List<String> cloudSites) {
        this.targets = List.copyOf(targets);
        this.byInteraction = new HashMap<>();
        this.byId = new HashMap<>();
        for (Target t : targets) {
            byId.put(t.id(), t);
            for (String i : t.interactions()) {
                byInteraction.computeIfAbsent(i, k -> new ArrayList<>()).add(t);
            }
        }
        this.sitesByComponent = sitesByComponent;
        this.cloudSites = cloudSites;
        this.routable = byInteraction.keySet().stream().sorted().toList();
        for (String interaction : routable) {
            sitesByInteraction.put(interaction, routeSites(interaction));
        }
    }

    static TrafficDirectory load(Sql sql) {
        Map<Long, List<String>> interactions = new HashMap<>();
        sql.list("SELECT endpoint_id, interaction_id FROM endpoint_interaction", r -> {
            interactions.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
            return null;
        });
        List<Target> targets = sql.list("SELECT id, party_key, asid, ods_code, fqdn, messaging_pattern, retries, "
                + "retry_interval, persist_duration, ack_requested, cert_not_after, status FROM mhs_endpoint "
                // An endpoint registered without an accredited system has no ASID to address messages to.
                + "WHERE status <> 'retired' AND asid IS NOT NULL ORDER BY id", r -> new Target(r.getLong("id"), EndpointIds.of(r.getLong("id")),
                r.getString("party_key"), r.getString("asid").trim(), r.getString("ods_code"), r.getString("fqdn"),
                MessagingPattern.parseLenient(r.getString("messaging_pattern")).orElse(MessagingPattern.ASYNC_EXPRESS),
                r.getObject("retries") == null ? 0 : r.getInt("retries"), duration(r.getString("retry_interval"),
                Duration.ofMinutes(5)), duration(r.getString("persist_duration"), Duration.ofHours(1)),
                r.getBoolean("ack_requested"), Sql.instant(r, "cert_not_after"), r.getString("status"),
                List.copyOf(interactions.getOrDefault(r.getLong("id"), List.of()))));
        Map<String, String> kinds = new HashMap<>();
        sql.list("SELECT code, kind FROM site", r -> kinds.put(r.getString(1), r.getString(2)));
        List<String> cloud = kinds.entrySet().stream().filter(e -> !e.getValue().equals("data-centre"))
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, String> states = new HashMap<>();
        sql.list("SELECT code, state FROM component", r -> states.put(r.getString(1), r.getString(2)));
        Map<String, List<String>> hosting = new HashMap<>();
        sql.list("SELECT component_code, site_code FROM component_hosting ORDER BY component_code, site_code", r ->
                hosting.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2)));
        Map<String, List<String>> routes = new HashMap<>();
        hosting.forEach((component, sites) -> {
            List<String> usable = CUT_OVER_STATES.contains(states.get(component))
                    ? sites.stream().filter(s -> !"data-centre".equals(kinds.get(s))).toList() : sites;
            routes.put(component, usable.isEmpty() ? cloud : usable);
        });
        return new TrafficDirectory(targets, routes, cloud.isEmpty() ? List.copyOf(kinds.keySet()) : cloud);
    }

    private static Duration duration(String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    List<Target> targets() {
        return targets;
    }

    List<Target> receiversOf(String interaction) {
        return byInteraction.getOrDefault(interaction, List.of());
    }

    Target target(UUID endpointId) {
        return endpointId == null ? null : byId.get(endpointId);
    }

    /** Interactions some endpoint is registered to receive. */
    List<String> routableInteractions() {
        return routable;
    }

    /**
     * Sites that route traffic for an interaction's service now: its component's hosting sites,
     * without the data centres once the component is cut over.
     */
    List<String> sitesFor(String interaction) {
        List<String> sites = sitesByInteraction.get(interaction);
        return sites != null ? sites : routeSites(interaction);
    }

    private List<String> routeSites(String interaction) {
        List<String> sites = sitesByComponent.get(componentOf(interaction));
        if (sites == null || sites.isEmpty()) {
            sites = sitesByComponent.getOrDefault("CORE-MSG", cloudSites);
        }
        return sites.isEmpty() ? cloudSites : sites;
    }

    /** The backbone component that carries an interaction's service. */
    static String componentOf(String interaction) {
        String rest = interaction.startsWith(SERVICES) ? interaction.substring(SERVICES.length()) : interaction;
        int colon = rest.indexOf(':');
        String service = colon < 0 ? rest : rest.substring(0, colon);
        return switch (service) {
            case "pds", "pdsquery" -> "PDS";
            case "psis", "psisquery" -> "SCR";
            case "mm", "mmquery", "pat" -> "EPS";
            case "ebs" -> "ERS";
            case "lrs", "lrsquery" -> "LRS";
            case "sdsquery" -> "SDS";
            case "cpisquery" -> "CPIS";
            default -> "CORE-MSG";
        };
    }
}
