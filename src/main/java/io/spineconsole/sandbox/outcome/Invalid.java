package io.spineconsole.sandbox.outcome;

import java.util.List;

/**
 * The input is wrong, and nothing was changed. {@link Part#BODY} issues are about the request's
 * content (a field that breaks a rule); {@link Part#REQUEST} issues are about how it was asked (a
 * query parameter, a header, a cursor from another search).
 */
public final class Invalid extends Outcome {
    /** Which part of the request is wrong. */
    public enum Part { BODY, REQUEST }

    private final Part part;
    private final List<Issue> issues;

    public Invalid(Part part, List<Issue> issues) {
        this(part, issues.size() == 1 ? issues.get(0).message() : issues.size() + " fields are invalid; see errors.",
                issues);
    }

    /** With a detail of its own, where the sentence for the whole input says more than any one issue. */
    public Invalid(Part part, String detail, List<Issue> issues) {
        super(detail);
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("an Invalid outcome names at least one issue");
        }
        this.part = part;
        this.issues = List.copyOf(issues);
    }

    /** One bad field of the body. */
    public static Invalid field(String field, String code, String message) {
        return new Invalid(Part.BODY, List.of(new Issue(field, code, message)));
    }

    /** One bad parameter of the request, for example {@code query.cursor} or {@code header.If-Match}. */
    public static Invalid parameter(String field, String code, String message) {
        return new Invalid(Part.REQUEST, List.of(new Issue(field, code, message)));
    }

    public Part part() {
        return part;
    }

    public List<Issue> issues() {
        return issues;
    }
}
