package io.spineconsole.sandbox.outcome;

import io.spineconsole.domain.RuleIssue;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.FieldRuleIssue;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The sandbox's words for a domain rule's issue, for the {@code message} of its problem details:
 * the console's own text for the code ({@code rule.<code>} in the base, English bundle), filled in
 * the way the console fills it, so what a client reads on the wire is what the console would say.
 */
public final class RuleWords {
    private static final Locale WIRE = Locale.UK;
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.spineconsole.i18n.messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private RuleWords() {
    }

    public static String of(RuleIssue issue) {
        String pattern = BUNDLE.getString(issue.code().key());
        return issue.args().isEmpty() ? pattern : new MessageFormat(pattern, WIRE).format(issue.args().toArray());
    }

    /** A field issue as it goes on the wire: its pointer, its code and the sentence. */
    public static FieldIssue of(FieldRuleIssue issue) {
        return new FieldIssue(issue.field(), issue.code(), of(issue.issue()));
    }

    public static List<FieldIssue> of(List<FieldRuleIssue> issues) {
        return issues.stream().map(RuleWords::of).toList();
    }

    /** A rule that names its issue, as one that answers with the sentence (for a parameter's check). */
    public static Function<String, Optional<String>> sentences(Function<String, Optional<RuleIssue>> rule) {
        return value -> rule.apply(value).map(RuleWords::of);
    }
}
