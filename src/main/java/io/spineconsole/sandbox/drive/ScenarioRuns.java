package io.spineconsole.sandbox.drive;

import io.spineconsole.domain.sandbox.Scenario;
import io.spineconsole.domain.sandbox.ScenarioInfo;
import io.spineconsole.domain.sandbox.ScenarioParser;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.domain.sandbox.ScenarioStep;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.messages.TrafficConditions;
import io.spineconsole.sandbox.migration.InjectedBlocks;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.NotFound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scenarios started on a sandbox, and what they lay over its traffic now. A run's conditions
 * follow from its start time and the clock alone, so a test moves the clock and sees exactly what
 * the scenario promises when. Runs are kept in memory: a restart ends them (the audit log keeps
 * who started and stopped what).
 */
public final class ScenarioRuns implements TrafficConditions {
    static final String ENTITY = "scenario-run";
    /** Finished and stopped runs listed, newest first, besides the running ones. */
    static final int KEEP_ENDED = 20;
    private final SandboxContext context;
    private final List<Scenario> builtIn;
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final InjectedBlocks blocks;
    /** False once the store is known to hold no component blocked by a scenario (so the clock's beat reads nothing). */
    private volatile boolean blocksHeld = true;

    private record Run(UUID id, Scenario scenario, Instant startedAt, Actor by, Instant stoppedAt) {
        String startedBy() {
            return by.name();
        }

        Instant endsAt() {
            return startedAt.plusSeconds(scenario.durationSeconds());
        }

        Instant until(Instant now) {
            Instant end = stoppedAt != null && stoppedAt.isBefore(endsAt()) ? stoppedAt : endsAt();
            return end;
        }

        boolean running(Instant now) {
            return stoppedAt == null && now.isBefore(endsAt());
        }

        /** True when {@code step} is in force at {@code at}. */
        boolean active(ScenarioStep step, Instant at) {
            Instant from = startedAt.plusSeconds(step.offsetSeconds());
            Instant to = startedAt.plusSeconds(step.endSeconds());
            Instant stop = stoppedAt == null ? Instant.MAX : stoppedAt;
            return !at.isBefore(from) && at.isBefore(to) && at.isBefore(stop);
        }
    }

    public ScenarioRuns(SandboxContext context) {
        this.context = context;
        this.builtIn = BuiltInScenarios.load();
        this.blocks = new InjectedBlocks(context);
    }

    public List<ScenarioInfo> catalogue() {
        return builtIn.stream().map(ScenarioInfo::of).toList();
    }

    /** Running first (earliest start first), then the most recently ended. */
    public List<ScenarioRun> list() {
        Instant now = context.clock().instant();
        List<ScenarioRun> running = new ArrayList<>();
        List<ScenarioRun> ended = new ArrayList<>();
        for (Run r : runs) {
            (r.running(now) ? running : ended).add(view(r, now));
        }
        ended.sort(Comparator.comparing((ScenarioRun r) -> r.stoppedAt() != null ? r.stoppedAt() : r.endsAt()).reversed());
        running.addAll(ended.subList(0, Math.min(KEEP_ENDED, ended.size())));
        return running;
    }

    public ScenarioRun get(UUID id) {
        return view(find(id), context.clock().instant());
    }

    /** Starts a built-in scenario by name, or a trainer's file; a bad file is refused whole, line by line. */
    public ScenarioRun start(Actor actor, ScenarioStart start) {
        Scenario scenario = scenarioOf(start);
        refuseUnknownComponents(scenario);
        Instant now = context.clock().instant();
        Run run = new Run(UUID.randomUUID(), scenario, now, actor.outsideRequest(), null);
        ScenarioRun after = view(run, now);
        context.sql().inTransaction(c -> {
            context.audit().record(c, actor, "create", ENTITY, run.id().toString(), null, null, after);
            return null;
        });
        runs.add(run);
        trim(now);
        applyBlocks();
        return after;
    }

    /** Stops a run now; a run already over is answered as it is. */
    public synchronized ScenarioRun stop(Actor actor, UUID id) {
        Run run = find(id);
        Instant now = context.clock().instant();
        if (!run.running(now)) {
            return view(run, now);
        }
        Run stopped = new Run(run.id(), run.scenario(), run.startedAt(), run.by(), now);
        ScenarioRun before = view(run, now);
        ScenarioRun after = view(stopped, now);
        context.sql().inTransaction(c -> {
            context.audit().record(c, actor, "cancel", ENTITY, id.toString(), null, before, after);
            return null;
        });
        runs.set(runs.indexOf(run), stopped);
        applyBlocks();
        return after;
    }

    /** Ends every run (the sandbox is stopping): nothing more is injected. */
    public synchronized void stopAll() {
        Instant now = context.clock().instant();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.running(now)) {
                runs.set(i, new Run(r.id(), r.scenario(), r.startedAt(), r.by(), now));
            }
        }
        applyBlocks();
    }

    /**
     * Blocks the migration components the runs' steps want blocked now and restores those whose step
     * has ended (or whose run was stopped). The sandbox calls it on every beat of its clock; a test
     * calls it after moving the clock.
     */
    public synchronized void applyBlocks() {
        Instant now = context.clock().instant();
        Map<String, InjectedBlocks.Wanted> wanted = new java.util.LinkedHashMap<>();
        for (Run r : runs) {
            for (ScenarioStep s : r.scenario().steps()) {
                if (s.condition().equals(Scenario.MIGRATION_BLOCKED) && r.active(s, now)) {
                    wanted.putIfAbsent(s.parameters().get("component"),
                            new InjectedBlocks.Wanted(s.parameters().get("component"), r.scenario().name(), r.by()));
                }
            }
        }
        if (wanted.isEmpty() && !blocksHeld) {
            return;
        }
        blocksHeld = blocks.apply(wanted) > 0;
    }

    private void refuseUnknownComponents(Scenario scenario) {
        List<String> codes = scenario.steps().stream().filter(s -> s.condition().equals(Scenario.MIGRATION_BLOCKED))
                .map(s -> s.parameters().get("component")).toList();
        List<String> unknown = codes.isEmpty() ? List.of() : blocks.unknown(codes);
        if (!unknown.isEmpty()) {
            List<Issue> issues = unknown.stream().map(code -> new Issue("/definition", "SCENARIO_FILE",
                    "migration-blocked names component " + code + ", which the migration programme does not have.")).toList();
            throw new Invalid(Invalid.Part.BODY, issues.get(0).message(), issues);
        }
    }

    private Scenario scenarioOf(ScenarioStart start) {
        boolean named = start.name() != null;
        boolean written = start.definition() != null;
        if (named == written) {
            throw Invalid.field("", "ONE_OF", "Give either name (a built-in scenario) or definition (a scenario file's text).");
        }
        if (named) {
            return builtIn.stream().filter(s -> s.name().equalsIgnoreCase(start.name().strip())).findFirst()
                    .orElseThrow(() -> Invalid.field("/name", "UNKNOWN_REFERENCE", "No built-in scenario is called '"
                            + start.name() + "'; there are: " + String.join(", ", builtIn.stream().map(Scenario::name).toList()) + "."));
        }
        try {
            return ScenarioParser.parse(start.definition());
        } catch (ScenarioParser.Refused e) {
            List<Issue> issues = e.mistakes().stream()
                    .map(m -> new Issue("/definition", "SCENARIO_FILE", m.toString())).toList();
            throw new Invalid(Invalid.Part.BODY, issues.size() == 1 ? issues.get(0).message()
                    : "The scenario file has " + issues.size() + " mistakes; see errors.", issues);
        }
    }

    private Run find(UUID id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("scenario run " + id));
    }

    private void trim(Instant now) {
        List<Run> ended = runs.stream().filter(r -> !r.running(now))
                .sorted(Comparator.comparing((Run r) -> r.until(now)).reversed()).toList();
        for (int i = KEEP_ENDED; i < ended.size(); i++) {
            runs.remove(ended.get(i));
        }
    }

    private static ScenarioRun view(Run r, Instant now) {
        List<ScenarioRun.Window> timeline = new ArrayList<>();
        for (ScenarioStep s : r.scenario().steps()) {
            Instant from = r.startedAt().plusSeconds(s.offsetSeconds());
            Instant until = r.startedAt().plusSeconds(s.endSeconds());
            Instant stop = r.stoppedAt();
            String state = r.active(s, now) ? "active"
                    : (now.isBefore(from) && stop == null) ? "pending" : "done";
            timeline.add(new ScenarioRun.Window(from, until, s.condition(), s.parameters(), state));
        }
        String state = r.stoppedAt() != null && r.stoppedAt().isBefore(r.endsAt()) ? ScenarioRun.STOPPED
                : r.running(now) ? ScenarioRun.RUNNING : ScenarioRun.FINISHED;
        return new ScenarioRun(r.id(), r.scenario().name(), r.scenario().description(), state, r.startedAt(),
                r.endsAt(), ScenarioRun.STOPPED.equals(state) ? r.stoppedAt() : null, r.startedBy(), timeline);
    }

    // --- what the runs lay over live traffic ---

    @Override
    public int rate(int set, Instant now) {
        int rate = set;
        for (Run r : runs) {
            for (ScenarioStep s : r.scenario().steps()) {
                if (s.condition().equals(Scenario.BURST) && r.active(s, now)) {
                    rate = Math.max(rate, Integer.parseInt(s.parameters().get("rate")));
                }
            }
        }
        return rate;
    }

    @Override
    public boolean silent(String ods, Instant now) {
        return matching(now, step -> step.condition().equals(Scenario.ORGANISATION_SILENT)
                && ods != null && ods.equals(step.parameters().get("ods"))).isPresent();
    }

    @Override
    public Injected failure(String toOds, String interaction, Instant at) {
        for (Run r : runs) {
            for (ScenarioStep s : r.scenario().steps()) {
                if (!r.active(s, at)) {
                    continue;
                }
                String kind = switch (s.condition()) {
                    case Scenario.ENDPOINT_FAILING -> s.parameters().get("failure");
                    case Scenario.CERTIFICATE_EXPIRED -> "certificate-expired";
                    case Scenario.DEAD_LETTERS -> "dead-letter";
                    default -> null;
                };
                if (kind != null && targets(s.parameters(), toOds, interaction)) {
                    return new Injected(kind, r.scenario().name());
                }
            }
        }
        return null;
    }

    private Optional<ScenarioStep> matching(Instant at, java.util.function.Predicate<ScenarioStep> test) {
        for (Run r : runs) {
            for (ScenarioStep s : r.scenario().steps()) {
                if (r.active(s, at) && test.test(s)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean targets(Map<String, String> p, String toOds, String interaction) {
        String ods = p.get("ods");
        String part = p.get("interaction");
        return (ods == null || ods.equals(toOds)) && (part == null || (interaction != null
                && interaction.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT))));
    }
}
