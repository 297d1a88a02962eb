package io.spineconsole.domain.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario file format, as a trainer writes it and as docs/SCENARIOS.md describes it. */
class ScenarioParserTest {

    @Test
    void aWellWrittenFileGivesItsNameDescriptionAndTimedSteps() {
        Scenario s = ScenarioParser.parse("""
                # Rehearsal for the winter on-call rota
                scenario: Winter drill
                description: Leeds answers 503s, then Oxford goes quiet.

                at 0m for 90s: endpoint-failing ods=RR8 failure=http-503
                at 10m for 1h: organisation-silent ods=RTH
                at 2h for 5m: burst rate=900
                at 3h for 10m: dead-letters interaction=gp2gp ods=RR8
                """);
        assertEquals("Winter drill", s.name());
        assertEquals("Leeds answers 503s, then Oxford goes quiet.", s.description());
        assertEquals(List.of(
                new ScenarioStep(0, 90, "endpoint-failing", Map.of("ods", "RR8", "failure", "http-503")),
                new ScenarioStep(600, 3600, "organisation-silent", Map.of("ods", "RTH")),
                new ScenarioStep(7200, 300, "burst", Map.of("rate", "900")),
                new ScenarioStep(10800, 600, "dead-letters", Map.of("interaction", "gp2gp", "ods", "RR8"))), s.steps());
        assertEquals(10800 + 600, s.durationSeconds());
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryMistakesLineAndReason() {
        ScenarioParser.Refused refused = assertThrows(ScenarioParser.Refused.class, () -> ScenarioParser.parse("""
                scenario: Broken drill
                at 0m for 10m: endpoint-failing ods=RR8 failure=explode
                at 5x for 10m: burst rate=800
                at 0m for 10m: endpoint-fail ods=RR8
                at 0m for 0m: burst rate=99999
                at 0m for 10m: certificate-expired
                at 23h for 2h: organisation-silent ods=rr8 colour=red
                hello
                """));
        List<ScenarioParser.Mistake> m = refused.mistakes();
        assertEquals(List.of(2, 3, 4, 5, 5, 6, 7, 7, 7, 8), m.stream().map(ScenarioParser.Mistake::line).toList(), m.toString());
        assertTrue(m.get(0).reason().contains("Unknown failure 'explode'"), m.get(0).reason());
        assertTrue(m.get(1).reason().contains("'5x' is not a time"), m.get(1).reason());
        assertTrue(m.get(2).reason().contains("Unknown condition 'endpoint-fail'"), m.get(2).reason());
        assertTrue(m.get(5).reason().contains("needs ods="), m.get(5).reason());
        assertTrue(m.get(9).toString().startsWith("Line 8: Not a comment"), m.get(9).toString());
    }

    @Test
    void aFileWithoutANameOrStepsIsRefused() {
        assertEquals("The file has no 'scenario:' line naming it.",
                assertThrows(ScenarioParser.Refused.class, () -> ScenarioParser.parse("at 0m for 1m: burst rate=5"))
                        .getMessage());
        assertTrue(assertThrows(ScenarioParser.Refused.class, () -> ScenarioParser.parse("scenario: Empty\n# nothing"))
                .getMessage().startsWith("The file has no steps"));
        assertTrue(assertThrows(ScenarioParser.Refused.class, () -> ScenarioParser.parse("  "))
                .getMessage().startsWith("The file is empty"));
    }

    @Test
    void aMigrationComponentBlockedNamesItsComponentAndABadOneIsRefusedWithItsLine() {
        Scenario s = ScenarioParser.parse("""
                scenario: Blocked cut-over
                at 15m for 2h: migration-blocked component=CORE-MSG
                """);
        assertEquals(List.of(new ScenarioStep(900, 7200, "migration-blocked", Map.of("component", "CORE-MSG"))), s.steps());

        ScenarioParser.Refused refused = assertThrows(ScenarioParser.Refused.class, () -> ScenarioParser.parse("""
                scenario: Blocked badly
                at 0m for 1h: migration-blocked
                at 0m for 1h: migration-blocked component=pds
                at 0m for 1h: migration-blocked component=PDS ods=RR8
                at 0m for 0m: migration-blocked component=PDS
                """));
        List<ScenarioParser.Mistake> m = refused.mistakes();
        assertEquals(List.of(2, 3, 4, 5), m.stream().map(ScenarioParser.Mistake::line).toList(), m.toString());
        assertEquals("Line 2: migration-blocked needs component=: which migration component, such as PDS.",
                m.get(0).toString());
        assertTrue(m.get(1).reason().contains("not 'pds'"), m.get(1).reason());
        assertTrue(m.get(2).reason().contains("migration-blocked takes component; not 'ods'"), m.get(2).reason());
        assertTrue(m.get(3).reason().contains("more than nothing"), m.get(3).reason());
    }
}
