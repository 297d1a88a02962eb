package io.spineconsole.domain.registrations;

import io.spineconsole.domain.RuleCode;
import io.spineconsole.domain.RuleIssue;

/**
 * A rule's issue with one field of a record: where (a JSON Pointer), the stable code the admin API
 * answers with ({@code REQUIRED}, {@code PATTERN}, …), and the issue itself, to be worded by whoever
 * shows it ({@link FieldIssue} is the worded form on the wire).
 */
public record FieldRuleIssue(String field, String code, RuleIssue issue) {
    public static FieldRuleIssue of(String field, String code, RuleCode rule, Object... args) {
        return new FieldRuleIssue(field, code, RuleIssue.of(rule, args));
    }

    public RuleCode rule() {
        return issue.code();
    }
}
