package io.spineconsole.sandbox.outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule of the domain refuses the action as asked: a lifecycle transition that is not allowed, a
 * duplicate of an existing record, a sign-off with blockers, a second redelivery. The input is
 * well-formed; the state of the world says no. Nothing was changed.
 */
public final class Refused extends Outcome {
    /** Why, in the contract's terms: each maps to one stable problem code. */
    public enum Kind {
        /** A state rule refuses (a lifecycle transition, a sign-off, cancelling a finished job). */
        TRANSITION,
        /** The record would duplicate one that exists. */
        DUPLICATE
    }

    private final Kind kind;
    private final List<Issue> reasons;
    private final transient Object current;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public Refused(Kind kind, String detail, List<Issue> reasons, Object current) {
        super(detail);
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
        this.current = current;
    }

    /** A transition refused for one reason, given as a stable code and the detail. */
    public static Refused transition(String code, String detail) {
        return new Refused(Kind.TRANSITION, detail, List.of(Issue.general(code, detail)), null);
    }

    public Kind kind() {
        return kind;
    }

    /** The rules that refused, each with its stable code. */
    public List<Issue> reasons() {
        return reasons;
    }

    /** The record as it stands, where the caller needs it to decide what to do next; may be null. */
    public Object current() {
        return current;
    }

    /**
     * Adds what the caller needs to act on the refusal: {@code blockers} (what stands in the way),
     * {@code related} (the existing duplicate, the owner that blocks), and so on.
     */
    public Refused with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** The records that stand in the way or are involved, as references. */
    public Refused withRelated(List<?> records) {
        return with("related", List.copyOf(records));
    }

    public Map<String, Object> members() {
        return members;
    }
}
