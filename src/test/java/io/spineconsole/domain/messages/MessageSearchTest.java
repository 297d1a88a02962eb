package io.spineconsole.domain.messages;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message search as the console builds it: every filter optional, each change touching one filter only. */
class MessageSearchTest {
    private static final Instant FROM = Instant.parse("2025-11-25T10:00:00Z");
    private static final Instant TO = Instant.parse("2025-11-25T12:00:00Z");

    @Test
    void allIsEveryMessageNewestFirstInPagesOfAHundredWithTheWindowLeftToTheServer() {
        MessageSearch all = MessageSearch.all();
        assertEquals(new MessageSearch(null, null, null, null, null, null, List.of(), null, null, null, null, null, false,
                100, null), all);
        assertEquals(MessageSearch.DEFAULT_LIMIT, all.limit());
        assertFalse(all.oldestFirst());
        assertNull(all.from(), "the server's default window (the last 24 hours) applies");
    }

    @Test
    void aSearchByIdSetsTheIdAndNothingElse() {
        UUID id = UUID.randomUUID();
        assertEquals(MessageSearch.all().withMessageId(id), MessageSearch.byId(id));
        assertEquals(id, MessageSearch.byId(id).messageId());
        assertEquals(MessageSearch.all(), MessageSearch.byId(id).withMessageId(null));
    }

    @Test
    void eachChangeSetsItsOwnFilterAndKeepsEveryOther() {
        UUID other = UUID.randomUUID();
        MessageSearch busy = MessageSearch.all().withMessageId(UUID.randomUUID()).withConversationId(UUID.randomUUID())
                .withParties("RR8", "200000000985", "RR8-0000806").withInteraction("urn:nhs:names:services:psis:X")
                .withStatuses(List.of(MessageStatus.NACKED)).withSite("DC-NORTH").withSignature("sig")
                .withWindow(FROM, TO).withLimit(40).withCursor("c1");
        Map<String, UnaryOperator<MessageSearch>> changes = new LinkedHashMap<>();
        changes.put("messageId", s -> s.withMessageId(other));
        changes.put("conversationId", s -> s.withConversationId(other));
        changes.put("ods asid partyKey", s -> s.withParties("A81001", "200000000111", "A81001-821870"));
        changes.put("interaction", s -> s.withInteraction("urn:nhs:names:services:pds:Y"));
        changes.put("statuses", s -> s.withStatuses(List.of(MessageStatus.EXPIRED)));
        changes.put("site", s -> s.withSite("CLOUD-LDN-1"));
        changes.put("signature", s -> s.withSignature("other"));
        changes.put("from to", s -> s.withWindow(TO, TO.plusSeconds(60)));
        changes.put("limit", s -> s.withLimit(7));
        changes.put("cursor", s -> s.withCursor("c2"));
        changes.forEach((fields, change) ->
                assertEquals(Set.of(fields.split(" ")), differences(busy, change.apply(busy)), "changing " + fields));
        MessageSearch narrowed = busy.withParties("A81001", null, null);
        assertEquals(Arrays.asList("A81001", null, null), Arrays.asList(narrowed.ods(), narrowed.asid(), narrowed.partyKey()),
                "a new party replaces the old one whole");
    }

    private static Set<String> differences(MessageSearch a, MessageSearch b) {
        Set<String> differ = new HashSet<>();
        for (RecordComponent c : MessageSearch.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                    differ.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return differ;
    }

    @Test
    void severalStatusesAreKeptAsGivenAndNoneMeansAny() {
        List<MessageStatus> chosen = new ArrayList<>(List.of(MessageStatus.NACKED, MessageStatus.DEAD_LETTERED));
        MessageSearch search = MessageSearch.all().withStatuses(chosen);
        chosen.add(MessageStatus.ACKNOWLEDGED);
        assertEquals(List.of(MessageStatus.NACKED, MessageStatus.DEAD_LETTERED), search.statuses(),
                "a later change to the caller's list does not reach a search already made");
        assertThrows(UnsupportedOperationException.class, () -> search.statuses().add(MessageStatus.EXPIRED));
        assertEquals(List.of(), MessageSearch.all().withStatuses(null).statuses(), "no statuses: any status");
    }

    @Test
    void theNextPageIsTheSameSearchWithTheCursor() {
        MessageSearch first = MessageSearch.all().withStatuses(List.of(MessageStatus.NACKED)).withWindow(FROM, TO);
        MessageSearch next = first.withCursor("opaque");
        assertEquals("opaque", next.cursor());
        assertEquals(first, next.withCursor(null));
        assertEquals(Duration.ofHours(2), Duration.between(next.from(), next.to()));
    }
}
