package io.spineconsole.sandbox.outcome;

import io.spineconsole.domain.RuleIssue;
import io.spineconsole.domain.registrations.FieldRuleIssue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects every issue of an input, then refuses it once with all of them. */
public final class Issues {
    private final List<Issue> issues = new ArrayList<>();

    /** A domain rule's field issues, worded, to refuse an input with all of them at once. */
    public static Issues of(List<FieldRuleIssue> found) {
        Issues issues = new Issues();
        found.forEach(i -> issues.add(i.field(), i.code(), RuleWords.of(i.issue())));
        return issues;
    }

    public Issues add(String field, String code, String message) {
        issues.add(new Issue(field, code, message));
        return this;
    }

    public Issues add(Issue issue) {
        issues.add(issue);
        return this;
    }

    /** Adds {@code problem} (a domain rule's issue, worded) under {@code field}, if there is one. */
    public Issues check(String field, String code, Optional<RuleIssue> problem) {
        problem.ifPresent(issue -> add(field, code, RuleWords.of(issue)));
        return this;
    }

    public boolean isEmpty() {
        return issues.isEmpty();
    }

    public List<Issue> list() {
        return List.copyOf(issues);
    }

    /** Throws {@link Invalid} (a body's fields) listing every issue, if there are any. */
    public void throwIfAny() {
        if (!issues.isEmpty()) {
            throw new Invalid(Invalid.Part.BODY, issues);
        }
    }
}
