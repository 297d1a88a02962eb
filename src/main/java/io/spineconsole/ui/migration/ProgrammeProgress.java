package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.domain.migration.Wave;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme's progress read from a snapshot of the server's records: per wave, how much has
 * left the data centres and whether the wave is late; the timeline of cut-overs (done, rolled back,
 * and due by their wave's end); and what blocks the rest. Plain Java: the Progress tab, the report
 * and their tests share it.
 */
public final class ProgrammeProgress {

    /** What the programme looked like when it was read. */
    public record Snapshot(Instant takenAt, Burndown burndown, List<Wave> waves, List<Component> components,
                           List<AuditEntry> transitions, List<SiteEvidence> sites, int days) {
    }

    /** A site with the evidence about it (readiness and checklist are null for a cloud region). */
    public record SiteEvidence(Site site, SiteReadiness readiness, SiteChecklist checklist) {
    }

    public enum WaveStatus { NOT_STARTED, IN_PROGRESS, OVERDUE, COMPLETE }

    /** One wave: its components, how many are off premises (cut over or further), and its status. */
    public record WaveProgress(Wave wave, int total, int offPremises, int remaining, WaveStatus status) {
        public double fraction() {
            return total == 0 ? 1 : (double) offPremises / total;
        }
    }

    public enum EventKind { CUT_OVER, ROLLED_BACK, DUE }

    /** A cut-over that happened (or was rolled back), or one due by its wave's planned end. */
    public record TimelineEvent(LocalDate date, Instant at, String component, String name, EventKind kind,
                                Integer wave, String by, String reason) {
    }

    /** A component that cannot move on, and why. */
    public record Blocker(String component, String name, ComponentState state, String reason, String since) {
    }

    private ProgrammeProgress() {
    }

    public static List<WaveProgress> waves(Snapshot s, LocalDate today) {
        Map<Integer, List<Component>> byWave = new HashMap<>();
        s.components().forEach(c -> {
            if (c.wave() != null) {
                byWave.computeIfAbsent(c.wave(), k -> new ArrayList<>()).add(c);
            }
        });
        List<WaveProgress> out = new ArrayList<>();
        for (Wave w : s.waves().stream().sorted(Comparator.comparingInt(Wave::number)).toList()) {
            List<Component> in = byWave.getOrDefault(w.number(), List.of());
            int total = in.isEmpty() ? w.components().size() : in.size();
            int remaining = in.isEmpty() ? w.remainingOnPremises()
                    : (int) in.stream().filter(c -> MigrationRules.isOnPremisesState(c.state())).count();
            int off = total - remaining;
            WaveStatus status;
            if (total > 0 && remaining == 0) {
                status = WaveStatus.COMPLETE;
            } else if (w.plannedEnd() != null && w.plannedEnd().isBefore(today)) {
                status = WaveStatus.OVERDUE;
            } else if (w.plannedStart() != null && w.plannedStart().isAfter(today)) {
                status = WaveStatus.NOT_STARTED;
            } else {
                status = total == 0 ? WaveStatus.COMPLETE : WaveStatus.IN_PROGRESS;
            }
            out.add(new WaveProgress(w, total, off, remaining, status));
        }
        return out;
    }

    /**
     * Every cut-over and roll-back in the audit trail, in time order, then the cut-overs still to come,
     * each due by the planned end of its component's wave.
     */
    public static List<TimelineEvent> timeline(Snapshot s, ZoneId zone) {
        Map<String, Component> components = new HashMap<>();
        s.components().forEach(c -> components.put(c.code(), c));
        Map<Integer, Wave> waves = new HashMap<>();
        s.waves().forEach(w -> waves.put(w.number(), w));
        List<TimelineEvent> events = new ArrayList<>();
        for (AuditEntry e : s.transitions()) {
            if (!"component".equals(e.entityType()) || !"transition".equals(e.action())) {
                continue;
            }
            String to = e.afterValue("state");
            EventKind kind = ComponentState.CUT_OVER.code().equals(to) ? EventKind.CUT_OVER
                    : ComponentState.ROLLED_BACK.code().equals(to) ? EventKind.ROLLED_BACK : null;
            if (kind == null) {
                continue;
            }
            Component c = components.get(e.entityId());
            events.add(new TimelineEvent(LocalDate.ofInstant(e.at(), zone), e.at(), e.entityId(),
                    c == null ? e.entityId() : c.name(), kind, c == null ? null : c.wave(),
                    e.actor() == null ? null : e.actor().name(), e.reason()));
        }
        events.sort(Comparator.comparing(TimelineEvent::at));
        List<TimelineEvent> due = new ArrayList<>();
        for (Component c : s.components()) {
            if (MigrationRules.isCutOverOrLater(c.state())) {
                continue;
            }
            Wave w = c.wave() == null ? null : waves.get(c.wave());
            due.add(new TimelineEvent(w == null ? null : w.plannedEnd(), null, c.code(), c.name(), EventKind.DUE,
                    c.wave(), null, null));
        }
        due.sort(Comparator.comparing(TimelineEvent::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TimelineEvent::component));
        events.addAll(due);
        return events;
    }

    /**
     * What holds the programme up: components blocked or rolled back (with the reason they were
     * moved there), and components whose cut-over waits on a dependency still only in a data centre.
     */
    public static List<Blocker> blockers(Snapshot s, Map<String, SiteKind> kinds) {
        Map<String, Component> byCode = new HashMap<>();
        s.components().forEach(c -> byCode.put(c.code(), c));
        List<Blocker> out = new ArrayList<>();
        for (Component c : s.components()) {
            if (c.state() == ComponentState.BLOCKED || c.state() == ComponentState.ROLLED_BACK) {
                String reason = c.lastTransition() == null ? "" : c.lastTransition().reason();
                String since = c.lastTransition() == null ? null : c.lastTransition().at().toString();
                out.add(new Blocker(c.code(), c.name(), c.state(), reason, since));
            }
        }
        for (Component c : s.components()) {
            if (MigrationRules.isCutOverOrLater(c.state()) || c.state() == ComponentState.BLOCKED
                    || c.state() == ComponentState.ROLLED_BACK) {
                continue;
            }
            List<String> waiting = new ArrayList<>();
            for (String dep : c.dependsOn()) {
                Component d = byCode.get(dep);
                if (d != null && d.onPremisesOnly()) {
                    List<String> sites = d.hostedAt().stream().filter(x -> kinds.get(x) != SiteKind.CLOUD_REGION).toList();
                    waiting.add(dep + " (" + String.join(", ", sites) + ")");
                }
            }
            if (!waiting.isEmpty()) {
                out.add(new Blocker(c.code(), c.name(), c.state(), String.join("; ", waiting), null));
            }
        }
        return out;
    }

    /** Components still on premises now (the burn-down's last actual value, or counted when there is none). */
    public static int onPremisesNow(Snapshot s) {
        List<Burndown.Point> points = s.burndown() == null ? List.of() : s.burndown().points();
        if (!points.isEmpty()) {
            return points.get(points.size() - 1).onPremises();
        }
        return (int) s.components().stream().filter(c -> MigrationRules.isOnPremisesState(c.state())).count();
    }
}
