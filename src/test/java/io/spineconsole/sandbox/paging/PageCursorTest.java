package io.spineconsole.sandbox.paging;

import io.spineconsole.sandbox.outcome.Invalid;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cursor a client gets back is the one the store made, for the search it was made for only. */
class PageCursorTest {

    @Test
    void aCursorSentBackUnchangedContinuesAfterTheSameRow() {
        String text = PageCursor.after("sites|code", List.of("2026-11-25T09:30:00Z", "42")).encode();
        Instant at = PageCursor.decode(text).lastKeyFor("sites|code", key -> Instant.parse(key.get(0)));
        assertEquals(Instant.parse("2026-11-25T09:30:00Z"), at);
    }

    @Test
    void aCursorFromAnotherSearchIsRefusedByName() {
        PageCursor cursor = PageCursor.decode(PageCursor.after("sites|code", List.of("DC-NORTH")).encode());
        Invalid refused = assertThrows(Invalid.class, () -> cursor.lastKeyFor("sites|-name"));
        assertEquals(Invalid.Part.REQUEST, refused.part());
        assertEquals("CURSOR_MISMATCH", refused.issues().get(0).code());
        assertEquals("query.cursor", refused.issues().get(0).field());
    }

    @Test
    void textThisServerDidNotIssueIsRefused() {
        Invalid refused = assertThrows(Invalid.class, () -> PageCursor.decode("not-a-cursor"));
        assertEquals("INVALID_CURSOR", refused.issues().get(0).code());
    }

    @Test
    void aKeyTheStoreCannotReadIsRefusedAsNotIssued() {
        PageCursor cursor = PageCursor.decode(PageCursor.after("waves", List.of("seven")).encode());
        Invalid refused = assertThrows(Invalid.class,
                () -> cursor.lastKeyFor("waves", key -> Integer.parseInt(key.get(0))));
        assertEquals("INVALID_CURSOR", refused.issues().get(0).code());
    }
}
