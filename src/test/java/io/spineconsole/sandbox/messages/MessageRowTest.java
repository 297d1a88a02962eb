package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A row's events share its parties (the stream keeps a million events), and still follow a change of party. */
class MessageRowTest {
    private static MessageRow row() {
        MessageRow r = new MessageRow();
        r.id = UUID.randomUUID();
        r.fromOds = "RR8";
        r.fromAsid = "200000000101";
        r.fromPartyKey = "RR8-0000001";
        r.toOds = "RAL01";
        r.toAsid = "200000000202";
        r.toPartyKey = "RAL01-0000002";
        r.createdAt = Instant.parse("2026-12-08T01:00:00Z");
        return r;
    }

    @Test
    void theEventsOfOneRowShareItsParties() {
        MessageRow r = row();
        MessageSummary received = r.summaryAt(MessageStatus.RECEIVED, r.createdAt);
        MessageSummary delivered = r.summaryAt(MessageStatus.DELIVERED, r.createdAt.plusMillis(40));
        assertSame(received.from(), delivered.from());
        assertSame(received.to(), delivered.to());
        assertEquals(new MessageParty("RR8", "200000000101", "RR8-0000001"), delivered.from());
        assertEquals(new MessageParty("RAL01", "200000000202", "RAL01-0000002"), delivered.to());
    }

    @Test
    void aPartyGivenAnotherValueIsMadeAgain() {
        MessageRow r = row();
        MessageSummary before = r.summaryAt(MessageStatus.RECEIVED, r.createdAt);
        r.toPartyKey = "RAL01-0000003";
        r.toAsid = new String("200000000202"); // equal text, another string: still made again, and equal
        MessageSummary after = r.summaryAt(MessageStatus.RECEIVED, r.createdAt);
        assertNotSame(before.to(), after.to());
        assertEquals(new MessageParty("RAL01", "200000000202", "RAL01-0000003"), after.to());
        assertEquals(new MessageParty("RAL01", "200000000202", "RAL01-0000002"), before.to(), "the earlier event's party is untouched");
        assertSame(before.from(), after.from());
    }
}
