package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertMeasure;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertSubject;
import io.spineconsole.domain.alerts.AlertSubjectKind;
import io.spineconsole.domain.alerts.AlertThresholds;
import io.spineconsole.sandbox.messages.AlertSignals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads each kind of rule against one round's {@link Signals}: a {@link Reading} per subject in the rule's
 * scope that trips, holds or matters because an alert about it is unresolved ({@code active}, by subject
 * key). A subject with no reading has cleared.
 */
final class Readings {
    /** Backlog and dead-letter rules recover below this share of their figure (their hysteresis). */
    static final double RECOVER_AT = 0.8;
    /** An endpoint-failing rule trips on this many latest minutes (the current one, still filling, among them). */
    static final int RECENT_MINUTES = 2;

    private Readings() {
    }

    static List<Reading> of(AlertRule rule, Signals s, Set<String> active) {
        return switch (rule.kind()) {
            case ENDPOINT_FAILING -> failing(rule, s, active);
            case NO_TRAFFIC -> rule.scope() == AlertScope.ORGANISATION ? silentOrganisation(rule, s)
                    : silentEndpoints(rule, s, active);
            case BACKLOG -> backlog(rule, s, active);
            case DEAD_LETTERS_GROWING -> deadLetters(rule, s, active);
            case CERTIFICATE_EXPIRING -> certificates(rule, s);
            case MIGRATION_BLOCKED -> blocked(rule, s);
        };
    }

    /**
     * Quick to open, slow to clear. The error rate is the share of the messages received that failed or are
     * waiting for another attempt (a failing reliable endpoint retries for a while before its messages count as
     * failed). It trips on the last {@link #RECENT_MINUTES} minutes (so an outage opens its alert within a
     * minute or so), provided the rule's whole window has its volume and the recent minutes their share of it;
     * it clears only once the rate over the whole window is under the recovery figure.
     */
    private static List<Reading> failing(AlertRule rule, Signals s, Set<String> active) {
        AlertThresholds t = rule.thresholds();
        var window = s.flow(t.windowMinutes(), 0);
        var recent = s.flow(RECENT_MINUTES, 0);
        long recentVolume = Math.max(1, (long) Math.ceil((double) t.minVolume() * RECENT_MINUTES / t.windowMinutes()));
        List<Reading> out = new ArrayList<>();
        for (AlertSignals.Endpoint e : inScope(rule, s)) {
            AlertSignals.Flow f = window.get(e.id());
            AlertSignals.Flow r = recent.get(e.id());
            long received = f == null ? 0 : f.received();
            long trouble = f == null ? 0 : f.trouble();
            AlertSubject subject = endpoint(e, s);
            if (trouble == 0 && !active.contains(subject.key())) {
                continue;
            }
            long recentReceived = r == null ? 0 : r.received();
            double recentRate = rate(recentReceived, r == null ? 0 : r.trouble());
            double windowRate = rate(received, trouble);
            boolean trips = received >= t.minVolume() && recentReceived >= recentVolume
                    && recentRate > t.errorRatePercent();
            out.add(Reading.of(subject, trips, windowRate < t.recoveryRatePercent(), List.of(
                    new AlertEvidence(AlertMeasure.ERROR_RATE_PERCENT, round(Math.max(recentRate, windowRate)),
                            t.errorRatePercent()),
                    new AlertEvidence(AlertMeasure.MESSAGES, received, t.minVolume().doubleValue()),
                    new AlertEvidence(AlertMeasure.FAILED, trouble, null))));
        }
        return out;
    }

    private static double rate(long received, long trouble) {
        return received == 0 ? (trouble > 0 ? 100 : 0) : Math.min(100, 100.0 * trouble / received);
    }

    /** An endpoint that received at least the rule's volume in the hour before its window, and nothing in it. */
    private static List<Reading> silentEndpoints(AlertRule rule, Signals s, Set<String> active) {
        AlertThresholds t = rule.thresholds();
        var now = s.flow(t.windowMinutes(), 0);
        var before = s.flow(60, t.windowMinutes());
        List<Reading> out = new ArrayList<>();
        for (AlertSignals.Endpoint e : inScope(rule, s)) {
            long received = now.get(e.id()) == null ? 0 : now.get(e.id()).received();
            long earlier = before.get(e.id()) == null ? 0 : before.get(e.id()).received();
            AlertSubject subject = endpoint(e, s);
            if (earlier < t.minVolume() && !active.contains(subject.key())) {
                continue;
            }
            out.add(Reading.of(subject, received == 0 && earlier >= t.minVolume(), received > 0, silence(t, received,
                    earlier)));
        }
        return out;
    }

    /** An organisation that sent at least the rule's volume in the hour before its window, and nothing in it. */
    private static List<Reading> silentOrganisation(AlertRule rule, Signals s) {
        AlertThresholds t = rule.thresholds();
        Instant to = s.now();
        Instant from = to.minus(Duration.ofMinutes(t.windowMinutes()));
        long sent = s.sentBy(rule.target(), from, to);
        long earlier = s.sentBy(rule.target(), from.minus(Duration.ofHours(1)), from);
        AlertSubject subject = new AlertSubject(AlertSubjectKind.ORGANISATION, rule.target(), rule.target(),
                organisation(rule.target(), s));
        return List.of(Reading.of(subject, sent == 0 && earlier >= t.minVolume(), sent > 0, silence(t, sent, earlier)));
    }

    private static List<AlertEvidence> silence(AlertThresholds t, long now, long earlier) {
        return List.of(new AlertEvidence(AlertMeasure.MESSAGES, now, 0.0),
                new AlertEvidence(AlertMeasure.MESSAGES_BEFORE, earlier, t.minVolume().doubleValue()));
    }

    private static List<Reading> backlog(AlertRule rule, Signals s, Set<String> active) {
        AlertThresholds t = rule.thresholds();
        List<Reading> out = new ArrayList<>();
        for (AlertSignals.Endpoint e : inScope(rule, s)) {
            AlertSignals.Waiting w = s.backlog().get(e.id());
            AlertSubject subject = endpoint(e, s);
            if (w == null && !active.contains(subject.key())) {
                continue;
            }
            long inFlight = w == null ? 0 : w.inFlight();
            long waited = w == null || w.oldest() == null ? 0 : Math.max(0, Duration.between(w.oldest(), s.now())
                    .toMinutes());
            boolean trips = (t.maxInFlight() != null && inFlight > t.maxInFlight())
                    || (t.maxOldestWaitingMinutes() != null && waited > t.maxOldestWaitingMinutes());
            boolean clears = (t.maxInFlight() == null || inFlight <= RECOVER_AT * t.maxInFlight())
                    && (t.maxOldestWaitingMinutes() == null || waited <= RECOVER_AT * t.maxOldestWaitingMinutes());
            List<AlertEvidence> evidence = new ArrayList<>();
            evidence.add(new AlertEvidence(AlertMeasure.IN_FLIGHT, inFlight, number(t.maxInFlight())));
            evidence.add(new AlertEvidence(AlertMeasure.OLDEST_WAITING_MINUTES, waited,
                    number(t.maxOldestWaitingMinutes())));
            out.add(Reading.of(subject, trips, clears, evidence));
        }
        return out;
    }

    private static List<Reading> deadLetters(AlertRule rule, Signals s, Set<String> active) {
        AlertThresholds t = rule.thresholds();
        var dead = s.deadLetters(s.now().minus(Duration.ofMinutes(t.windowMinutes())));
        List<Reading> out = new ArrayList<>();
        for (AlertSignals.Endpoint e : inScope(rule, s)) {
            long n = dead.getOrDefault(e.id(), 0L);
            AlertSubject subject = endpoint(e, s);
            if (n == 0 && !active.contains(subject.key())) {
                continue;
            }
            out.add(Reading.of(subject, n >= t.deadLetterGrowth(), n < RECOVER_AT * t.deadLetterGrowth(),
                    List.of(new AlertEvidence(AlertMeasure.DEAD_LETTERED, n, t.deadLetterGrowth().doubleValue()))));
        }
        return out;
    }

    /** A certificate ending within the rule's days, or ended: one reading per such endpoint (the others have cleared). */
    private static List<Reading> certificates(AlertRule rule, Signals s) {
        int days = rule.thresholds().expiringWithinDays();
        Instant limit = s.now().plus(Duration.ofDays(days));
        List<Reading> out = new ArrayList<>();
        for (AlertSignals.Endpoint e : inScope(rule, s)) {
            if (e.certNotAfter() != null && e.certNotAfter().isBefore(limit)) {
                double left = Math.floor(Duration.between(s.now(), e.certNotAfter()).toHours() / 24.0);
                out.add(Reading.of(endpoint(e, s), true, false,
                        List.of(new AlertEvidence(AlertMeasure.CERTIFICATE_DAYS_LEFT, left, (double) days))));
            }
        }
        return out;
    }

    private static List<Reading> blocked(AlertRule rule, Signals s) {
        List<Reading> out = new ArrayList<>();
        for (Signals.Blocked b : s.blocked()) {
            if (rule.scope() == AlertScope.COMPONENT && !b.code().equals(rule.target())) {
                continue;
            }
            long minutes = b.since() == null ? 0 : Math.max(0, Duration.between(b.since(), s.now()).toMinutes());
            out.add(Reading.of(new AlertSubject(AlertSubjectKind.COMPONENT, b.code(), null, b.name()), true, false,
                    List.of(new AlertEvidence(AlertMeasure.BLOCKED_MINUTES, minutes, null))));
        }
        return out;
    }

    /** The endpoints a message rule covers: every one, an organisation's, or one. */
    private static List<AlertSignals.Endpoint> inScope(AlertRule rule, Signals s) {
        return switch (rule.scope()) {
            case ORGANISATION -> s.endpoints().values().stream().filter(e -> e.ods().equals(rule.target())).toList();
            case ENDPOINT -> {
                AlertSignals.Endpoint e = s.endpoints().get(UUID.fromString(rule.target()));
                yield e == null ? List.of() : List.of(e);
            }
            default -> List.copyOf(s.endpoints().values());
        };
    }

    private static AlertSubject endpoint(AlertSignals.Endpoint e, Signals s) {
        return new AlertSubject(AlertSubjectKind.ENDPOINT, e.id().toString(), e.ods(),
                organisation(e.ods(), s) + " · " + e.partyKey());
    }

    /** An organisation as a person knows it: its name and ODS code. */
    static String organisation(String ods, Signals s) {
        String name = s.organisationName(ods);
        return name == null ? ods : name + " (" + ods + ")";
    }

    private static Double number(Integer value) {
        return value == null ? null : value.doubleValue();
    }

    private static double round(double rate) {
        return Math.round(rate * 10) / 10.0;
    }
}
