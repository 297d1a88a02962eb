package io.spineconsole.domain.migration;

import io.spineconsole.contract.SchemaText;
import io.spineconsole.domain.Coded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.spineconsole.domain.migration.ComponentState.BLOCKED;
import static io.spineconsole.domain.migration.ComponentState.CUT_OVER;
import static io.spineconsole.domain.migration.ComponentState.DECOMMISSIONED;
import static io.spineconsole.domain.migration.ComponentState.DECOMMISSIONING;
import static io.spineconsole.domain.migration.ComponentState.MIGRATING;
import static io.spineconsole.domain.migration.ComponentState.PARALLEL_RUN;
import static io.spineconsole.domain.migration.ComponentState.PLANNED;
import static io.spineconsole.domain.migration.ComponentState.PREPARING;
import static io.spineconsole.domain.migration.ComponentState.ROLLED_BACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration programme's rules, held to the words of openapi.yaml (the server refuses and the
 * console offers by them) and read as a programme manager would: every move and every refusal.
 */
class MigrationRulesTest {

    /** "Allowed transitions (`to` per `from`): planned → preparing, blocked; …" as the document says it. */
    private static Map<ComponentState, Set<ComponentState>> documentedTransitions() {
        String text = SchemaText.description("ComponentState");
        Matcher m = Pattern.compile("Allowed transitions \\(`to` per `from`\\): (.*?)\\. `decommissioned` is terminal")
                .matcher(text);
        assertTrue(m.find(), "openapi.yaml tables the transitions under ComponentState");
        Map<ComponentState, Set<ComponentState>> allowed = new EnumMap<>(ComponentState.class);
        for (ComponentState s : ComponentState.values()) {
            allowed.put(s, EnumSet.noneOf(ComponentState.class));
        }
        for (String rule : m.group(1).split(";")) {
            String[] sides = rule.split("→");
            ComponentState from = state(sides[0]);
            for (String to : sides[1].split(",")) {
                allowed.get(from).add(state(to));
            }
        }
        return allowed;
    }

    private static ComponentState state(String code) {
        return Coded.fromCode(ComponentState.class, code.trim());
    }

    @Test
    void everyMoveAndEveryRefusalOfTheEightyOneIsTheDocuments() {
        Map<ComponentState, Set<ComponentState>> documented = documentedTransitions();
        int allowed = 0;
        for (ComponentState from : ComponentState.values()) {
            for (ComponentState to : ComponentState.values()) {
                boolean expected = documented.get(from).contains(to);
                assertEquals(expected, MigrationRules.isAllowed(from, to), from.code() + " → " + to.code());
                allowed += expected ? 1 : 0;
            }
            assertEquals(documented.get(from), MigrationRules.allowedFrom(from), "the moves offered from " + from.code());
        }
        assertEquals(21, allowed, "the document allows 21 moves and refuses the other 60");
    }

    @ParameterizedTest
    @EnumSource(ComponentState.class)
    void noStateMovesToItself(ComponentState state) {
        assertFalse(MigrationRules.isAllowed(state, state), state.code());
    }

    @Test
    void decommissionedIsTerminalAndEveryOtherStateCanMove() {
        assertTrue(MigrationRules.allowedFrom(DECOMMISSIONED).isEmpty());
        for (ComponentState s : ComponentState.values()) {
            if (s != DECOMMISSIONED) {
                assertFalse(MigrationRules.allowedFrom(s).isEmpty(), s.code() + " is not a dead end");
            }
        }
    }

    @Test
    void theHappyPathRunsForwardOneStepAtATimeAndNoStepCanBeSkipped() {
        List<ComponentState> path = List.of(PLANNED, PREPARING, MIGRATING, PARALLEL_RUN, CUT_OVER, DECOMMISSIONING,
                DECOMMISSIONED);
        for (int i = 0; i + 1 < path.size(); i++) {
            assertTrue(MigrationRules.isAllowed(path.get(i), path.get(i + 1)), path.get(i) + " → " + path.get(i + 1));
            for (int j = i + 2; j < path.size(); j++) {
                assertFalse(MigrationRules.isAllowed(path.get(i), path.get(j)),
                        "no skipping from " + path.get(i).code() + " to " + path.get(j).code());
            }
        }
    }

    @Test
    void everyStateIsReachableFromPlanned() {
        Set<ComponentState> seen = EnumSet.of(PLANNED);
        ArrayDeque<ComponentState> next = new ArrayDeque<>(seen);
        while (!next.isEmpty()) {
            for (ComponentState to : MigrationRules.allowedFrom(next.poll())) {
                if (seen.add(to)) {
                    next.add(to);
                }
            }
        }
        assertEquals(EnumSet.allOf(ComponentState.class), seen);
    }

    @Test
    void onlyWorkNotYetCutOverCanBeBlockedAndAnUnblockedComponentResumesWhereItCouldHaveBeen() {
        assertEquals(EnumSet.of(PLANNED, PREPARING, MIGRATING, PARALLEL_RUN), fromWhich(BLOCKED));
        assertEquals(EnumSet.of(PLANNED, PREPARING, MIGRATING, PARALLEL_RUN), MigrationRules.allowedFrom(BLOCKED));
        assertFalse(MigrationRules.isAllowed(BLOCKED, CUT_OVER), "unblocking never cuts over");
        assertFalse(MigrationRules.isAllowed(BLOCKED, ROLLED_BACK));
    }

    @Test
    void aRollBackComesFromTheCloudSideAndStartsAgainBeforeTheParallelRun() {
        assertEquals(EnumSet.of(MIGRATING, PARALLEL_RUN, CUT_OVER), fromWhich(ROLLED_BACK));
        assertFalse(MigrationRules.isAllowed(DECOMMISSIONING, ROLLED_BACK), "the data-centre copy is going");
        assertEquals(EnumSet.of(PLANNED, PREPARING, MIGRATING), MigrationRules.allowedFrom(ROLLED_BACK));
        assertFalse(MigrationRules.isAllowed(ROLLED_BACK, PARALLEL_RUN), "migrate again first");
    }

    @Test
    void preparationCanBeAbandonedButMigrationOnlyRolledBack() {
        assertTrue(MigrationRules.isAllowed(PREPARING, PLANNED));
        assertFalse(MigrationRules.isAllowed(MIGRATING, PLANNED));
        assertFalse(MigrationRules.isAllowed(MIGRATING, PREPARING));
        assertFalse(MigrationRules.isAllowed(PLANNED, ROLLED_BACK), "nothing has moved to roll back");
    }

    private static Set<ComponentState> fromWhich(ComponentState to) {
        Set<ComponentState> from = EnumSet.noneOf(ComponentState.class);
        for (ComponentState s : ComponentState.values()) {
            if (MigrationRules.isAllowed(s, to)) {
                from.add(s);
            }
        }
        return from;
    }

    @Test
    void eachPhasesRequiredStepsGateTheStateTheDocumentNames() {
        Matcher m = Pattern.compile("`([a-z-]+)` before `([a-z-]+)`").matcher(SchemaText.description("RunbookPhase"));
        Map<ComponentState, RunbookPhase> documented = new EnumMap<>(ComponentState.class);
        while (m.find()) {
            documented.put(state(m.group(2)), Coded.fromCode(RunbookPhase.class, m.group(1)));
        }
        assertEquals(RunbookPhase.values().length, documented.size(), "every phase gates one state");
        for (ComponentState s : ComponentState.values()) {
            assertEquals(Optional.ofNullable(documented.get(s)), MigrationRules.phaseGating(s), s.code());
        }
        assertEquals(EnumSet.of(PLANNED, PREPARING, BLOCKED, ROLLED_BACK),
                EnumSet.complementOf(EnumSet.copyOf(documented.keySet())), "moving back or aside needs no steps done");
    }

    @Test
    void eachGatedStateIsEnteredFromTheStateThatDoesItsPhasesWork() {
        // Each phase is the work of the state before the one it gates (prepare is preparing's work, …).
        Map<RunbookPhase, ComponentState> workedIn = Map.of(RunbookPhase.PREPARE, PREPARING, RunbookPhase.MIGRATE, MIGRATING,
                RunbookPhase.PARALLEL_RUN, PARALLEL_RUN, RunbookPhase.CUT_OVER, CUT_OVER,
                RunbookPhase.DECOMMISSION, DECOMMISSIONING);
        for (ComponentState to : ComponentState.values()) {
            MigrationRules.phaseGating(to).ifPresent(phase ->
                    assertTrue(fromWhich(to).contains(workedIn.get(phase)), phase.code() + " is done in the state before "
                            + to.code()));
        }
    }

    @Test
    void aComponentHoldsItsDataCentreUntilItHasCutOverAsTheDocumentTablesIt() {
        Set<ComponentState> onPremises = EnumSet.noneOf(ComponentState.class);
        for (Map<String, String> row : SchemaText.table("ComponentState")) {
            String hosted = row.get("hosted on premises?");
            if (hosted.equals("yes") || hosted.equals("both") || hosted.equals("as before")) {
                onPremises.add(state(row.get("state")));
            }
        }
        assertEquals(EnumSet.of(PLANNED, PREPARING, MIGRATING, PARALLEL_RUN, BLOCKED, ROLLED_BACK), onPremises);
        for (ComponentState s : ComponentState.values()) {
            assertEquals(onPremises.contains(s), MigrationRules.isOnPremisesState(s), s.code());
            assertEquals(!onPremises.contains(s), MigrationRules.isCutOverOrLater(s), s.code());
        }
    }

    @Test
    void theBoardShowsEveryStateOnceInLifecycleOrder() {
        assertEquals(Arrays.asList(ComponentState.values()), MigrationRules.LIFECYCLE);
        assertEquals(SchemaText.enumCodes("ComponentState"), MigrationRules.LIFECYCLE.stream().map(ComponentState::code).toList());
    }

    @Test
    void theStandardDecommissionChecklistHasSixDistinctItemsEachWithATitle() {
        assertEquals(6, MigrationRules.STANDARD_CHECKLIST.size());
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, String> item : MigrationRules.STANDARD_CHECKLIST) {
            assertTrue(item.getKey().matches("[a-z]+(-[a-z]+)*"), "a key is lower-case words: " + item.getKey());
            assertTrue(keys.add(item.getKey()), "one item per key: " + item.getKey());
            assertFalse(item.getValue().isBlank());
        }
        assertTrue(keys.contains("traffic-drained"), "traffic drained is on every list");
    }
}
