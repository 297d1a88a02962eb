package io.spineconsole.sandbox.http;

import io.spineconsole.sandbox.http.ProblemException.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects every invalid field of a request, then refuses it once with all of them (422).
 *
 * @deprecated stores collect {@link io.spineconsole.sandbox.outcome.Issues} instead; kept only for
 * sandbox.registrations, and removed when sandbox-registrations merges.
 */
@Deprecated(forRemoval = true)
public final class FieldErrors {
    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldErrors add(String field, String code, String message) {
        problems.add(new FieldProblem(field, code, message));
        return this;
    }

    /** Adds {@code problem} (a sentence from a domain rule) under {@code field}, if present. */
    public FieldErrors check(String field, String code, Optional<String> problem) {
        problem.ifPresent(message -> add(field, code, message));
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws 422 VALIDATION_FAILED listing every problem, if there are any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "VALIDATION_FAILED", "Validation failed",
                    problems.size() == 1 ? problems.get(0).message()
                            : problems.size() + " fields are invalid; see errors.", problems, null);
        }
    }
}
