package io.spineconsole.sandbox.migration;

import io.spineconsole.domain.migration.RunbookPhase;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A merge patch's value rules, as a store applies them: every broken member is named, once, in order. */
class MergePatchTest {

    @Test
    void anAbsentMemberLeavesTheValueAndNullClearsANullableOne() {
        Map<String, Object> sent = new HashMap<>();
        sent.put("owner", null);
        MergePatch patch = new MergePatch(sent);
        assertEquals("Migration team", patch.text("title", 300, false).or("Migration team"));
        MergePatch.Member<String> owner = patch.text("owner", 100, true);
        assertTrue(owner.present());
        assertNull(owner.or("Platform team"));
        assertTrue(patch.issues().isEmpty());
    }

    @Test
    void everyBrokenValueIsReportedTogether() {
        Map<String, Object> sent = new HashMap<>();
        sent.put("title", null);
        sent.put("owner", "x".repeat(101));
        sent.put("seq", 0);
        sent.put("phase", "tidy-up");
        MergePatch patch = new MergePatch(sent);
        patch.text("title", 300, false);
        patch.text("owner", 100, true);
        patch.integer("seq", 1, 1000);
        MergePatch.Member<RunbookPhase> phase = patch.coded("phase", RunbookPhase.class);
        assertFalse(phase.present(), "an unknown code changes nothing");
        Invalid refused = assertThrows(Invalid.class, () -> patch.issues().throwIfAny());
        assertEquals(Invalid.Part.BODY, refused.part());
        assertEquals(List.of("/title REQUIRED", "/owner TOO_LONG", "/seq OUT_OF_RANGE", "/phase ENUM"),
                refused.issues().stream().map((Issue i) -> i.field() + " " + i.code()).toList());
    }
}
