package io.spineconsole.sandbox.http;

import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Outcome;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Stale;

import java.util.List;

/**
 * The one place where the domain's outcomes become HTTP: each kind of {@link Outcome} maps to its
 * status and stable problem code, as openapi.yaml's Problem describes.
 */
public final class OutcomeProblems {
    private OutcomeProblems() {
    }

    public static ProblemException of(Outcome outcome) {
        // Outcome is sealed: these four are every kind there is (a switch on the type needs Java 21).
        if (outcome instanceof NotFound n) {
            return new ProblemException(404, "NO_RECORD_FOUND", "No record found", n.detail());
        }
        if (outcome instanceof Stale s) {
            return new ProblemException(412, "PRECONDITION_FAILED", "Precondition failed", s.detail(),
                    List.of(), s.current()).withHeader("ETag", Etags.of(s.actual()));
        }
        if (outcome instanceof Invalid i) {
            return i.part() == Invalid.Part.BODY
                    ? new ProblemException(422, "VALIDATION_FAILED", "Validation failed", i.detail(),
                            fields(i.issues()), null)
                    : new ProblemException(400, "BAD_REQUEST", "Bad request", i.detail(), fields(i.issues()), null);
        }
        return refused((Refused) outcome);
    }

    private static ProblemException refused(Refused r) {
        ProblemException problem = switch (r.kind()) {
            case TRANSITION -> new ProblemException(409, "TRANSITION_REFUSED", "Transition refused", r.detail(),
                    fields(r.reasons()), r.current());
            case DUPLICATE -> new ProblemException(409, "DUPLICATE_REJECTED", "Duplicate rejected", r.detail(),
                    fields(r.reasons()), r.current());
        };
        r.members().forEach(problem::withMember);
        return problem;
    }

    static List<ProblemException.FieldProblem> fields(List<Issue> issues) {
        return issues.stream().map(i -> new ProblemException.FieldProblem(i.field(), i.code(), i.message())).toList();
    }
}
