package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.sandbox.messages.TrafficDirectory.Target;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The traffic simulator's delivery model, message by message: each messaging pattern's hops,
 * retries under the receiving endpoint's reliability settings, and the failures it makes.
 */
class DeliveryModelTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final int MESSAGES = 3_000;

    private static Target target(MessagingPattern pattern, int retries, Duration interval, Duration persist,
                                 boolean ack, Instant certNotAfter) {
        return new Target(1, UUID.randomUUID(), "RR8-0000901", "200000000901", "RR8", "msg.rr8.nhs.uk", pattern,
                retries, interval, persist, ack, certNotAfter, "active", List.of("urn:nhs:names:services:psis:X"));
    }

    private static MessageRow message(Target to, Instant at, long n) {
        MessageRow row = new MessageRow();
        row.id = new UUID(n, n);
        row.conversationId = row.id;
        row.interaction = "urn:nhs:names:services:psis:REPC_IN150016UK05";
        row.fromAsid = "200000000100";
        row.fromPartyKey = "A81001-0000806";
        row.fromOds = "A81001";
        row.site = "CLOUD-LDN-1";
        row.createdAt = at;
        row.updatedAt = at;
        DeliveryModel.address(row, to);
        return row;
    }

    /** Sends {@code MESSAGES} messages to {@code to} and lets every retry due by {@code now - T0} happen. */
    private static List<MessageRow> send(Target to, Duration catchUp, long seed) {
        DeliveryModel model = new DeliveryModel(new Random(seed));
        List<MessageRow> rows = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            MessageRow row = message(to, T0, i);
            model.deliver(row, to, T0.plus(catchUp));
            rows.add(row);
        }
        return rows;
    }

    private static Set<MessageStatus> statusesSeen(MessageRow row) {
        Set<MessageStatus> seen = EnumSet.noneOf(MessageStatus.class);
        row.newEvents.forEach(e -> seen.add(e.status()));
        return seen;
    }

    private static Map<String, Integer> codes(List<MessageRow> rows) {
        Map<String, Integer> codes = new HashMap<>();
        for (MessageRow r : rows) {
            for (MessageEvent e : r.newEvents) {
                if (e.code() != null) {
                    codes.merge(e.code(), 1, Integer::sum);
                }
            }
        }
        return codes;
    }

    /** Every timeline: numbered 1..n, in time order, starting with received at the message's time. */
    private static void assertWellFormed(MessageRow row) {
        List<MessageEvent> events = row.newEvents;
        assertEquals(MessageStatus.RECEIVED, events.get(0).status());
        assertEquals(row.createdAt, events.get(0).at());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq());
            if (i > 0) {
                assertFalse(events.get(i).at().isBefore(events.get(i - 1).at()), "timeline goes back in time: " + events);
            }
        }
        assertEquals(events.get(events.size() - 1).status(), row.status);
    }

    @Test
    void syncAndExpressPatternsMakeOneAttemptAndAreNeverAcknowledgedOrRetried() {
        for (MessagingPattern pattern : List.of(MessagingPattern.SYNC, MessagingPattern.ASYNC_EXPRESS,
                MessagingPattern.FORWARD_EXPRESS)) {
            // Even with reliability settings on the endpoint, an express or sync message is sent once.
            List<MessageRow> rows = send(target(pattern, 3, Duration.ofMinutes(5), Duration.ofHours(1), true, null),
                    Duration.ofDays(1), 11);
            Set<MessageStatus> finals = EnumSet.noneOf(MessageStatus.class);
            for (MessageRow r : rows) {
                assertWellFormed(r);
                assertEquals(1, r.attempts, pattern + " makes exactly one attempt");
                Set<MessageStatus> seen = statusesSeen(r);
                assertFalse(seen.contains(MessageStatus.RETRYING), pattern + " never retries");
                assertFalse(seen.contains(MessageStatus.ACKNOWLEDGED), pattern + " is never acknowledged");
                assertTrue(MessageStatuses.isTerminal(r.status), pattern + " ends final: " + r.status);
                assertNull(r.nextAttemptAt);
                finals.add(r.status);
            }
            assertEquals(EnumSet.of(MessageStatus.DELIVERED, MessageStatus.TRANSMISSION_FAILED, MessageStatus.NACKED),
                    finals, pattern + " outcomes");
            Map<String, Integer> codes = codes(rows);
            assertTrue(codes.containsKey("TIMEOUT") && codes.containsKey("HTTP_503") && codes.containsKey("5000"),
                    "timeouts, 503s and NACKs all happen: " + codes);
        }
    }

    @Test
    void syncAnswersComeBackFasterThanAsyncDeliveries() {
        double sync = send(target(MessagingPattern.SYNC, 0, Duration.ofMinutes(5), Duration.ofHours(1), false, null),
                Duration.ZERO, 3).stream().filter(r -> r.status == MessageStatus.DELIVERED)
                .mapToLong(r -> r.latencyMs).average().orElseThrow();
        double async = send(target(MessagingPattern.ASYNC_EXPRESS, 0, Duration.ofMinutes(5), Duration.ofHours(1), false,
                null), Duration.ZERO, 3).stream().filter(r -> r.status == MessageStatus.DELIVERED)
                .mapToLong(r -> r.latencyMs).average().orElseThrow();
        assertTrue(sync < async, "sync " + sync + " ms, async " + async + " ms");
    }

    @Test
    void reliableMessagesRetryOnTheEndpointsIntervalUntilRetriesAreExhausted() {
        Duration interval = Duration.ofHours(2);
        Target to = target(MessagingPattern.ASYNC_RELIABLE, 2, interval, Duration.ofHours(7), true, null);
        List<MessageRow> rows = send(to, Duration.ofHours(12), 5);
        int retried = 0;
        int acknowledged = 0;
        for (MessageRow r : rows) {
            assertWellFormed(r);
            assertTrue(MessageStatuses.isTerminal(r.status), "every retry was due within 12 h: " + r.status);
            assertTrue(r.attempts >= 1 && r.attempts <= 3, "1 attempt + 2 retries at most: " + r.attempts);
            List<MessageEvent> events = r.newEvents;
            for (int i = 0; i < events.size(); i++) {
                MessageEvent e = events.get(i);
                if (e.status() == MessageStatus.RETRYING) {
                    retried++;
                    // The next attempt is made one retry interval after the failure (its outcome follows
                    // within the 30 s timeout), and counts up.
                    MessageEvent next = events.get(i + 1);
                    Instant due = e.at().plus(interval);
                    assertFalse(next.at().isBefore(due), "retry before it was due: " + events);
                    assertTrue(next.at().isBefore(due.plusSeconds(60)), "retry long after it was due: " + events);
                    assertEquals(e.attempt() + 1, next.attempt(), events.toString());
                }
                if (e.status() == MessageStatus.DELIVERED) {
                    // Reliable with acks requested: every delivery is acknowledged.
                    assertEquals(MessageStatus.ACKNOWLEDGED, events.get(i + 1).status());
                }
            }
            if (r.status == MessageStatus.ACKNOWLEDGED) {
                acknowledged++;
                assertNotNull(r.latencyMs);
            }
            if (r.status == MessageStatus.DEAD_LETTERED) {
                assertEquals("14", r.errorCode, "retries exhausted is MESH error 14, undelivered");
                assertEquals(3, r.attempts);
            }
        }
        assertTrue(retried > 0, "some attempts failed and were retried");
        assertTrue(acknowledged > MESSAGES * 0.9, acknowledged + " acknowledged");
    }

    @Test
    void aRetryIsMadeOnlyWhenItIsDue() {
        Duration interval = Duration.ofHours(2);
        Target to = target(MessagingPattern.ASYNC_RELIABLE, 3, interval, Duration.ofHours(9), true, null);
        DeliveryModel model = new DeliveryModel(new Random(17));
        List<MessageRow> retrying = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            MessageRow row = message(to, T0, i);
            model.deliver(row, to, T0);
            if (row.status == MessageStatus.RETRYING) {
                retrying.add(row);
            }
        }
        assertFalse(retrying.isEmpty());
        for (MessageRow row : retrying) {
            Instant due = row.nextAttemptAt;
            assertNotNull(due);
            int events = row.newEvents.size();
            model.catchUp(row, to, due.minusMillis(1));
            assertEquals(events, row.newEvents.size(), "nothing happens before the retry is due");
            model.catchUp(row, to, due);
            assertTrue(row.newEvents.size() > events, "the retry is made once due");
            assertEquals(2, row.newEvents.get(events).attempt());
            assertFalse(row.newEvents.get(events).at().isBefore(due));
        }
    }

    @Test
    void thePersistDurationExpiresAMessageOnTimeBeforeItsRetriesRunOut() {
        // Retries every 2 h but persisted for 1 h only: a failed first attempt can never be retried.
        Target to = target(MessagingPattern.ASYNC_RELIABLE, 5, Duration.ofHours(2), Duration.ofHours(1), true, null);
        Instant expiry = T0.plus(Duration.ofHours(1));
        DeliveryModel model = new DeliveryModel(new Random(23));
        int expired = 0;
        for (int i = 0; i < MESSAGES; i++) {
            MessageRow r = message(to, T0, i);
            model.deliver(r, to, T0);
            if (r.status != MessageStatus.RETRYING) {
                continue;
            }
            assertEquals(expiry, r.nextAttemptAt, "the store acts next when the persist duration ends");
            model.catchUp(r, to, expiry.minusMillis(1));
            assertEquals(MessageStatus.RETRYING, r.status);
            model.catchUp(r, to, expiry);
            assertWellFormed(r);
            assertEquals(MessageStatus.EXPIRED, r.status, "expired when the persist duration ended, not at a retry");
            assertEquals("EXPIRED", r.errorCode);
            assertEquals(expiry, r.updatedAt);
            assertEquals(1, r.attempts, "no retry after the persist duration");
            assertTrue(r.becameFinal);
            expired++;
        }
        assertTrue(expired > 0, "some first attempts failed");
    }

    @Test
    void forwardReliableIsStoredAtTheSpineIntermediaryAndRetried() {
        Target to = target(MessagingPattern.FORWARD_RELIABLE, 2, Duration.ofHours(2), Duration.ofHours(7), true, null);
        List<MessageRow> rows = send(to, Duration.ofHours(12), 29);
        boolean retried = false;
        for (MessageRow r : rows) {
            assertWellFormed(r);
            MessageEvent routed = r.newEvents.get(1);
            assertEquals(MessageStatus.ROUTED, routed.status());
            assertTrue(routed.description().contains("Spine intermediary"), routed.description());
            retried |= statusesSeen(r).contains(MessageStatus.RETRYING);
        }
        assertTrue(retried);
        // Direct patterns are routed to the endpoint, not stored for forwarding.
        MessageRow direct = send(target(MessagingPattern.ASYNC_RELIABLE, 2, Duration.ofHours(2), Duration.ofHours(7),
                true, null), Duration.ZERO, 29).get(0);
        assertFalse(direct.newEvents.get(1).description().contains("intermediary"));
    }

    @Test
    void reliableWithoutAcksRequestedEndsDelivered() {
        List<MessageRow> rows = send(target(MessagingPattern.ASYNC_RELIABLE, 2, Duration.ofHours(2), Duration.ofHours(7),
                false, null), Duration.ofHours(12), 31);
        for (MessageRow r : rows) {
            assertFalse(statusesSeen(r).contains(MessageStatus.ACKNOWLEDGED));
        }
        assertTrue(rows.stream().anyMatch(r -> r.status == MessageStatus.DELIVERED));
    }

    @Test
    void anExpiredReceiverCertificateFailsEveryAttemptUntilDeadLettered() {
        Target to = target(MessagingPattern.ASYNC_RELIABLE, 2, Duration.ofHours(2), Duration.ofHours(7), true,
                T0.minus(Duration.ofDays(3)));
        for (MessageRow r : send(to, Duration.ofHours(12), 37)) {
            assertWellFormed(r);
            Set<String> codes = new HashSet<>();
            r.newEvents.stream().filter(e -> e.status() == MessageStatus.TRANSMISSION_FAILED)
                    .forEach(e -> codes.add(e.code()));
            assertEquals(Set.of("TLS_CERT_EXPIRED"), codes);
            assertEquals(MessageStatus.DEAD_LETTERED, r.status);
            assertEquals(3, r.attempts);
        }
        // An express message to it fails once, for good.
        for (MessageRow r : send(target(MessagingPattern.ASYNC_EXPRESS, 0, Duration.ofHours(2), Duration.ofHours(7),
                false, T0.minusSeconds(1)), Duration.ZERO, 37)) {
            assertEquals(MessageStatus.TRANSMISSION_FAILED, r.status);
            assertEquals("TLS_CERT_EXPIRED", r.errorCode);
        }
    }

    @Test
    void anUnregisteredToAddressIsDeadLetteredAtOnceWithCode12() {
        DeliveryModel model = new DeliveryModel(new Random(41));
        MessageRow row = message(target(MessagingPattern.ASYNC_RELIABLE, 2, Duration.ofHours(2), Duration.ofHours(7),
                true, null), T0, 1);
        row.endpointId = null;
        row.toPartyKey = "RR8-9123456";
        model.deliver(row, null, T0.plus(Duration.ofDays(1)));
        assertWellFormed(row);
        assertEquals(List.of(MessageStatus.RECEIVED, MessageStatus.DEAD_LETTERED),
                row.newEvents.stream().map(MessageEvent::status).toList());
        assertEquals("12", row.errorCode);
        assertEquals(0, row.attempts);
        assertTrue(row.becameFinal);
        assertTrue(row.errorDescription.contains("RR8-9123456"));
    }
}
