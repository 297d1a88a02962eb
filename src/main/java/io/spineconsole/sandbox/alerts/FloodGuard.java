package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertMeasure;
import io.spineconsole.domain.alerts.AlertSubject;
import io.spineconsole.domain.alerts.AlertSubjectKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps one rule's round from opening a flood of alerts. A subject that already has an unresolved alert goes
 * on as before (one alert until it resolves); the others are gathered before anything opens:
 * <ol>
 *   <li>an organisation's endpoints are read as one organisation subject when more than
 *       {@link #ORGANISATION_AFTER} of them would open alerts in the round, or the rule's alert for that
 *       organisation is unresolved: an outage across all of an organisation's interactions is one alert whose
 *       evidence counts its endpoints and gives the worst one's figures;</li>
 *   <li>at most {@link #MAX_OPENED} alerts open per rule and round, the worst first; the rest (and, while the
 *       rule's summary alert is unresolved, every subject without an alert of its own) are one summary alert
 *       about the backbone, whose evidence counts them.</li>
 * </ol>
 * A gathered alert trips while any of its subjects trips, holds while any holds, and clears when none does,
 * so the hysteresis of the rule's figures carries over whole.
 */
final class FloodGuard {
    /** More endpoints of one organisation than this opening in one round open one alert for the organisation. */
    static final int ORGANISATION_AFTER = 3;
    /** At most this many alerts open per rule and round; the rest are counted by the rule's summary alert. */
    static final int MAX_OPENED = 10;
    /** How many of the worst subjects a gathered alert names. */
    static final int NAMED = 3;
    static final AlertSubject SUMMARY = new AlertSubject(AlertSubjectKind.BACKBONE, "backbone", null, "Backbone");

    private FloodGuard() {
    }

    /**
     * The readings the evaluator acts on: those of subjects with an unresolved alert ({@code active}, by subject
     * key) as they are, the others gathered as above. {@code organisationName} names an ODS code for a person.
     */
    static List<Reading> guard(List<Reading> readings, Set<String> active, Function<String, String> organisationName) {
        List<Reading> out = new ArrayList<>();
        List<Reading> fresh = new ArrayList<>();
        Map<String, List<Reading>> byOrganisation = new LinkedHashMap<>();
        for (Reading r : readings) {
            if (active.contains(r.subject().key())) {
                out.add(r);
            } else if (r.subject().kind() == AlertSubjectKind.ENDPOINT && r.subject().odsCode() != null) {
                byOrganisation.computeIfAbsent(r.subject().odsCode(), k -> new ArrayList<>()).add(r);
            } else {
                fresh.add(r);
            }
        }
        byOrganisation.forEach((ods, endpoints) -> {
            AlertSubject organisation = new AlertSubject(AlertSubjectKind.ORGANISATION, ods, ods,
                    organisationName.apply(ods));
            if (active.contains(organisation.key())) {
                gather(organisation, AlertMeasure.ENDPOINTS, endpoints, out);
            } else if (endpoints.stream().filter(r -> r.verdict() == Reading.Verdict.TRIP).count() > ORGANISATION_AFTER) {
                gather(organisation, AlertMeasure.ENDPOINTS, endpoints, fresh);
            } else {
                fresh.addAll(endpoints);
            }
        });
        List<Reading> opening = fresh.stream().filter(r -> r.verdict() == Reading.Verdict.TRIP)
                .sorted(WORST_FIRST).toList();
        boolean summarising = active.contains(SUMMARY.key());
        if (!summarising && opening.size() <= MAX_OPENED) {
            out.addAll(fresh);
            return out;
        }
        int opened = summarising ? 0 : MAX_OPENED;
        out.addAll(opening.subList(0, opened));
        List<Reading> heldBack = new ArrayList<>(opening.subList(opened, opening.size()));
        fresh.stream().filter(r -> r.verdict() == Reading.Verdict.HOLD).forEach(heldBack::add);
        gather(SUMMARY, AlertMeasure.HELD_BACK, heldBack, out);
        return out;
    }

    /**
     * One reading for {@code subject} standing for {@code members}: its {@code count} of those in trouble, and the
     * worst one's figures; it trips if any trips, holds if any holds. Nothing when none is in trouble and no alert
     * waits for it (then its alert, if any, resolves for want of a reading).
     */
    private static void gather(AlertSubject subject, AlertMeasure count, List<Reading> members, List<Reading> out) {
        List<Reading> trouble = members.stream().filter(r -> r.verdict() != Reading.Verdict.CLEAR)
                .sorted(WORST_FIRST).toList();
        if (trouble.isEmpty()) {
            return;
        }
        boolean trips = trouble.stream().anyMatch(r -> r.verdict() == Reading.Verdict.TRIP);
        List<AlertEvidence> evidence = new ArrayList<>();
        evidence.add(new AlertEvidence(count, trouble.size(), null));
        trouble.get(0).evidence().stream().filter(e -> !COUNTS.contains(e.measure())).forEach(evidence::add);
        // An organisation's endpoints are named "<organisation> · <endpoint>": the organisation is said once.
        String prefix = subject.displayName() + " · ";
        String worst = trouble.stream().limit(NAMED).map(r -> r.subject().displayName())
                .map(n -> n != null && n.startsWith(prefix) ? n.substring(prefix.length()) : n)
                .collect(Collectors.joining("; "));
        AlertSubject named = new AlertSubject(subject.kind(), subject.id(), subject.odsCode(),
                subject.displayName() + " — " + trouble.size() + " at once, worst: " + worst);
        out.add(Reading.of(named, trips, false, evidence));
    }

    private static final Set<AlertMeasure> COUNTS = Set.of(AlertMeasure.ENDPOINTS, AlertMeasure.HELD_BACK);

    /** Gathered subjects first (the more they stand for, the sooner), then by how bad their first figure is. */
    private static final Comparator<Reading> WORST_FIRST = Comparator.comparingDouble(FloodGuard::covers).reversed()
            .thenComparing(Comparator.comparingDouble(FloodGuard::badness).reversed())
            .thenComparing(r -> r.subject().key());

    private static double covers(Reading r) {
        return r.evidence().stream().filter(e -> COUNTS.contains(e.measure())).mapToDouble(AlertEvidence::value)
                .findFirst().orElse(1);
    }

    /** The first figure that is not a count: higher is worse, except days left on a certificate. */
    private static double badness(Reading r) {
        return r.evidence().stream().filter(e -> !COUNTS.contains(e.measure())).findFirst()
                .map(e -> e.measure() == AlertMeasure.CERTIFICATE_DAYS_LEFT ? -e.value() : e.value()).orElse(0.0);
    }
}
