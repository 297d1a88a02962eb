package io.spineconsole.sandbox.http;

import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Stale;
import io.spineconsole.sandbox.outcome.Version;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each outcome a store answers becomes the problem openapi.yaml promises for it. */
class OutcomeProblemsTest {

    @Test
    void aMissingRecordIs404() {
        ProblemException p = OutcomeProblems.of(new NotFound("Site DC-EAST"));
        assertEquals(404, p.status());
        assertEquals("NO_RECORD_FOUND", p.code());
        assertEquals("Site DC-EAST was not found.", p.getMessage());
    }

    @Test
    void aStaleEditIs412WithTheCurrentRecordAndItsETag() {
        Map<String, Object> current = Map.of("code", "DC-NORTH", "version", 4);
        Stale stale = assertThrows(Stale.class, () -> new Version(3).check(4, current));
        ProblemException p = OutcomeProblems.of(stale);
        assertEquals(412, p.status());
        assertEquals("PRECONDITION_FAILED", p.code());
        assertEquals(current, p.current());
        assertEquals("\"4\"", p.headers().get("ETag"));
    }

    @Test
    void aDuplicateIs409NamingTheRecordThatExists() {
        Refused duplicate = new Refused(Refused.Kind.DUPLICATE, "Site DC-NORTH already exists.",
                List.of(new Issue("/code", "ALREADY_EXISTS", "Site DC-NORTH already exists.")), null)
                .withRelated(List.of(Map.of("type", "site", "id", "DC-NORTH")));
        ProblemException p = OutcomeProblems.of(duplicate);
        assertEquals(409, p.status());
        assertEquals("DUPLICATE_REJECTED", p.code());
        assertEquals(List.of(Map.of("type", "site", "id", "DC-NORTH")), p.members().get("related"));
        assertEquals("/code", p.errors().get(0).field());
    }

    @Test
    void aBrokenBodyIs422AndABrokenQueryIs400() {
        ProblemException body = OutcomeProblems.of(Invalid.field("/name", "REQUIRED", "Enter name."));
        assertEquals(422, body.status());
        assertEquals("VALIDATION_FAILED", body.code());
        ProblemException query = OutcomeProblems.of(new Invalid(Invalid.Part.REQUEST,
                "The time window may span at most 31 days; narrow 'from' and 'to'.",
                List.of(new Issue("query.from", "WINDOW_TOO_WIDE", "At most 31 days between 'from' and 'to'."))));
        assertEquals(400, query.status());
        assertEquals("BAD_REQUEST", query.code());
        assertEquals("The time window may span at most 31 days; narrow 'from' and 'to'.", query.getMessage());
        assertEquals("WINDOW_TOO_WIDE", query.errors().get(0).code());
    }
}
