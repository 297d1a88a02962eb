package io.spineconsole.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a domain rule found wrong with a value: a code and the values its words need (a party key,
 * a limit). The domain never words it: the console does from {@code messages.properties}, and so
 * does the sandbox for its problem details.
 */
public record RuleIssue(RuleCode code, List<Object> args) {
    public RuleIssue {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static RuleIssue of(RuleCode code, Object... args) {
        return new RuleIssue(code, List.of(args));
    }
}
