package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.outcome.Issues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The registration checks, run over the whole directory (or chosen records) in one pass: each table
 * the chosen rules need is read once ({@link DirectoryReader}), and every rule is evaluated in memory
 * ({@link CheckRules}). One SQL statement per rule read every table about twenty times (7-9 s on
 * PostgreSQL and minutes on H2 at 20,000 organisations and 100,000 endpoints); one read of each is
 * well under two seconds on both. Read-only.
 */
public final class RegistrationChecks {
    /** Most severe first, then by rule, record and field; the message orders what is left, so the order never depends on the database. */
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.severity().ordinal())
            .thenComparing(f -> f.rule().ordinal()).thenComparing(f -> f.record().id())
            .thenComparing(f -> f.field() == null ? "" : f.field()).thenComparing(Finding::message);

    private final SandboxContext context;
    private final DirectoryReader reader;

    public RegistrationChecks(SandboxContext context) {
        this.context = context;
        this.reader = new DirectoryReader(context.isPostgres());
    }

    public CheckReport run(CheckRequest request) {
        validate(request);
        long started = System.nanoTime();
        Set<CheckRule> rules = request.rules() == null ? EnumSet.allOf(CheckRule.class) : EnumSet.copyOf(request.rules());
        int expiringDays = request.expiringWithinDays() == null ? 30 : request.expiringWithinDays();
        int maxFindings = request.maxFindings() == null ? 1000 : request.maxFindings();
        Severity minSeverity = request.minSeverity() == null ? Severity.INFO : request.minSeverity();
        Instant now = context.clock().instant();
        CheckedDirectory d = reader.read(context.sql(), request, rules);
        CheckRules checks = new CheckRules(d, now, expiringDays);
        List<Finding> all = new ArrayList<>();
        for (CheckRule rule : rules) {
            all.addAll(checks.findings(rule));
        }
        all.removeIf(f -> f.severity().ordinal() > minSeverity.ordinal());
        all.sort(ORDER);
        long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = all.size() - errors - warnings;
        Map<CheckRule, Long> byRule = new EnumMap<>(CheckRule.class);
        all.forEach(f -> byRule.merge(f.rule(), 1L, Long::sum));
        boolean truncated = all.size() > maxFindings;
        List<Finding> returned = truncated ? all.subList(0, maxFindings) : all;
        return new CheckReport(now, (System.nanoTime() - started) / 1_000_000, d.checked(),
                new CheckReport.SeverityCounts(errors, warnings, infos), byRule, truncated,
                new FindingNames(d).name(returned));
    }

    /** Each rule at most once, and the limits in range; every mistake named at once. */
    private static void validate(CheckRequest r) {
        Issues issues = new Issues();
        if (r.rules() != null && (r.rules().isEmpty() || r.rules().stream().distinct().count() != r.rules().size()
                || r.rules().stream().anyMatch(Objects::isNull))) {
            issues.add("/rules", "FORMAT", "List each rule once, or leave rules out to run them all.");
        }
        if (r.expiringWithinDays() != null && (r.expiringWithinDays() < 1 || r.expiringWithinDays() > 3650)) {
            issues.add("/expiringWithinDays", "OUT_OF_RANGE", "expiringWithinDays is 1 to 3650.");
        }
        if (r.maxFindings() != null && (r.maxFindings() < 1 || r.maxFindings() > 10_000)) {
            issues.add("/maxFindings", "OUT_OF_RANGE", "maxFindings is 1 to 10000.");
        }
        if (r.records() != null && (r.records().isEmpty() || r.records().size() > 1000)) {
            issues.add("/records", "OUT_OF_RANGE", "Give 1 to 1000 records, or leave records out to check the whole directory.");
        }
        issues.throwIfAny();
    }
}
