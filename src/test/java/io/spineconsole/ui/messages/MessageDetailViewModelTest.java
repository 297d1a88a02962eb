package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.Reliability;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.messages.MessageDetailViewModel.Hop;
import io.spineconsole.ui.messages.MessageDetailViewModel.Lane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageDetailViewModelTest {
    private static final Instant NOW = FakeMessagesApi.NOW;
    private static final Reliability SPINE_RELIABLE = new Reliability(2, "PT2H", "PT7H", "always", "always", "never");
    private TestServices t;
    private FakeMessagesApi api;
    private MessageDetailViewModel detail;
    private final List<UUID> notFound = new ArrayList<>();

    @BeforeEach
    void setUp() {
        t = new TestServices();
        api = new FakeMessagesApi();
        detail = new MessageDetailViewModel(t.ui, t.i18n, t.text);
        detail.onNotFound(notFound::add);
        detail.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR));
    }

    /** A reliable message on its second attempt: the first failed, the next is due in 2 h. */
    private MessageDetail retrying() {
        MessageSummary s = FakeMessagesApi.summary(MessageStatus.RETRYING);
        Instant received = NOW.minus(Duration.ofMinutes(8));
        List<MessageEvent> events = List.of(
                new MessageEvent(1, MessageStatus.RECEIVED, null, null, "DC-NORTH", received, 0),
                new MessageEvent(2, MessageStatus.ROUTED, null, null, "DC-NORTH", received.plusMillis(40), 0),
                new MessageEvent(3, MessageStatus.TRANSMISSION_FAILED, "TLS_CERT_EXPIRED",
                        "TLS handshake failed: the certificate has expired", "DC-NORTH", received.plusSeconds(2), 1),
                new MessageEvent(4, MessageStatus.RETRYING, null, "Next attempt at 14:00", "DC-NORTH", received.plusSeconds(3), 1));
        return new MessageDetail(s.messageId(), s.conversationId(), s.interaction(), MessagingPattern.ASYNC_RELIABLE,
                s.from(), s.to(), s.endpointId(), "DC-NORTH", MessageStatus.RETRYING, 2, 2048, received, NOW, null,
                "TLS_CERT_EXPIRED", "TLS handshake failed: the certificate has expired", null, 3, events, SPINE_RELIABLE,
                NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(12)), List.of(), null);
    }

    private MessageDetail with(MessageDetail d, MessageStatus status, int attempts, MessagingPattern pattern,
                               Reliability r) {
        return new MessageDetail(d.messageId(), d.conversationId(), d.interaction(), pattern, d.from(), d.to(),
                d.endpointId(), d.site(), status, attempts, d.sizeBytes(), d.receivedAt(), d.updatedAt(), d.latencyMs(),
                d.lastErrorCode(), d.lastErrorDescription(), d.redeliveryOf(), d.version(), d.events(), r,
                d.nextAttemptAt(), d.expiresAt(), d.redeliveries(), d.redeliveryJobId());
    }

    @Test
    void retriesAreShownAgainstTheEndpointsReliabilitySettings() {
        MessageDetail d = retrying();
        assertEquals("Attempt 2 of 3, next attempt at 14:00:00 (in 2 h), expires at 15:12:00 (in 3 h 12 m)",
                detail.retrySummary(d, NOW));
        assertEquals("Attempt 3 of 3, retries exhausted",
                detail.retrySummary(with(d, MessageStatus.DEAD_LETTERED, 3, MessagingPattern.ASYNC_RELIABLE, SPINE_RELIABLE), NOW));
        assertEquals("Not a reliable pattern: no retries",
                detail.retrySummary(with(d, MessageStatus.TRANSMISSION_FAILED, 1, MessagingPattern.SYNC, null), NOW));
        assertEquals("Attempt 1 of 3, delivered",
                detail.retrySummary(with(d, MessageStatus.ACKNOWLEDGED, 1, MessagingPattern.ASYNC_RELIABLE, SPINE_RELIABLE), NOW));
        assertEquals("2 retries every 2 h, kept for 7 h; acknowledgement always, duplicate elimination always, sync reply never",
                detail.reliabilityText(SPINE_RELIABLE));
    }

    @Test
    void theTimelineRunsSenderToSpineToReceiverAndMarksTheFailure() {
        MessageDetail d = retrying();
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());
        assertEquals(LoadState.LOADED, detail.status().state());
        List<Hop> hops = detail.hops();
        assertEquals(4, hops.size());
        assertEquals(Lane.SENDER, hops.get(0).from());
        assertEquals(Lane.SPINE, hops.get(0).to());
        assertEquals(Lane.SPINE, hops.get(1).from());
        assertEquals(Lane.SPINE, hops.get(1).to());
        Hop failed = hops.get(2);
        assertEquals(Lane.SPINE, failed.from());
        assertEquals(Lane.RECEIVER, failed.to());
        assertTrue(failed.failed());
        assertEquals("TLS_CERT_EXPIRED", failed.code());
        assertEquals(1, failed.attempt());
        assertEquals("+2 s", failed.offset());
        assertEquals(t.i18n.get("messages.hop.retrying"), hops.get(3).title());
        // The wait is worded here from the fields, whatever the server wrote: no time inside its sentence.
        assertEquals("Attempt 1 of 3 failed; next attempt at 13:52:03", hops.get(3).description());
        assertEquals("Attempt 2 of 3, next attempt at 14:00:00 (in 2 h), expires at 15:12:00 (in 3 h 12 m)",
                detail.retryProperty().get());
        assertTrue(detail.redeliverableProperty().get() == false, "a retrying message is not redeliverable yet");
    }

    @Test
    void anIdThatIsNoMessagesIsHandedOnAsAConversation() {
        UUID id = UUID.randomUUID();
        detail.open(id);
        assertEquals(List.of(id), notFound);
        assertEquals("", detail.status().errorProperty().get());
        assertEquals(LoadState.EMPTY, detail.status().state(), "nothing shown, nothing failed");
    }

    @Test
    void linksGoToTheSendersSystemAndTheReceiversEndpoint() {
        MessageDetail d = retrying();
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());
        assertEquals("spine-console://registrations/systems/200000000985", detail.senderLink().orElseThrow().toString());
        assertEquals("spine-console://registrations/endpoints/" + d.endpointId(), detail.receiverLink().orElseThrow().toString());
        assertEquals("spine-console://registrations/endpoints?partyKey=RR8-0000806",
                RecordLinks.party(new MessageParty("RR8", null, "RR8-0000806"), null).orElseThrow().toString());
        assertEquals("spine-console://migration/sites/DC-NORTH", detail.siteLink().orElseThrow().toString());
        assertEquals("spine-console://messages/message/" + d.messageId().toString().toUpperCase(),
                detail.link().orElseThrow().toString());
    }

    @Test
    void anOperatorRedeliversAFailedMessageAndSeesTheCopy() {
        MessageDetail d = with(retrying(), MessageStatus.DEAD_LETTERED, 3, MessagingPattern.ASYNC_RELIABLE, SPINE_RELIABLE);
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());
        assertTrue(detail.redeliverableProperty().get());
        List<MessageDetail> copies = new ArrayList<>();
        detail.redeliver("Receiver certificate renewed (INC0093311)", copies::add);
        assertEquals(List.of(d.messageId() + ":Receiver certificate renewed (INC0093311)"), api.redeliveries);
        assertEquals(1, copies.size());
        assertTrue(detail.actionResultProperty().get().contains(copies.get(0).summary().displayId()));
        assertEquals(List.of(copies.get(0).messageId()), detail.detailProperty().get().redeliveries(),
                "the original is reloaded with its link to the copy");
        assertFalse(detail.busyProperty().get());
    }

    @Test
    void aViewerIsNotOfferedRedeliveryAndSendsNothing() {
        detail.connect(TestServices.context(new FakeBackboneApi(Role.VIEWER, api), Role.VIEWER));
        MessageDetail d = with(retrying(), MessageStatus.NACKED, 1, MessagingPattern.ASYNC_RELIABLE, SPINE_RELIABLE);
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());
        assertFalse(detail.mayRedeliverProperty().get());
        detail.redeliver("Because", x -> { });
        assertTrue(api.redeliveries.isEmpty());
    }

    @Test
    void thePayloadIsReadOnRequestLaidOutAndSaysWhatWasMasked() {
        MessageDetail d = retrying();
        api.details.put(d.messageId(), d);
        api.onPayload = id -> CompletableFuture.completedFuture(new MessagePayload(id, "application/json", 80, "text",
                "{\"nhsNumber\":\"***\",\"name\":{\"given\":\"***\"},\"ods\":\"RR8\"}", false, true,
                List.of("$.nhsNumber", "$.name.given"), "NHS numbers and names are masked."));
        detail.open(d.messageId());
        assertEquals(LoadState.IDLE, detail.payloadStatus().state(), "not read until asked: each read is audited");
        detail.loadPayload();
        assertEquals(LoadState.LOADED, detail.payloadStatus().state());
        assertTrue(detail.payloadTextProperty().get().contains("\n  \"nhsNumber\": \"***\""),
                detail.payloadTextProperty().get());
        assertEquals(2, detail.payloadProperty().get().maskedFields().size());
    }

    @Test
    void aPayloadThatCannotBeReadSaysSoAndLeavesTheMessageShown() {
        MessageDetail d = retrying();
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());
        detail.loadPayload();
        assertEquals(LoadState.FAILED, detail.payloadStatus().state());
        assertFalse(detail.payloadStatus().errorProperty().get().isEmpty());
        assertEquals(d.messageId(), detail.detailProperty().get().messageId());
    }

    @Test
    void anotherMessageShowsLoadingWhileARefreshKeepsTheMessageInView() {
        MessageDetail first = retrying();
        MessageDetail second = retrying();
        api.details.put(first.messageId(), first);
        detail.open(first.messageId());
        CompletableFuture<MessageDetail> slow = new CompletableFuture<>();
        api.onMessage = id -> slow;

        detail.requestedProperty().set(second.messageId());
        detail.open(second.messageId());
        assertEquals(LoadState.LOADING, detail.status().state(), "the message asked for is not on screen yet");
        assertFalse(detail.shownProperty().get(), "the first is not passed off as the second");
        assertTrue(detail.link().orElseThrow().toString().endsWith(second.summary().displayId()), "a link to the one asked for");
        slow.complete(second);
        assertEquals(LoadState.LOADED, detail.status().state());
        assertTrue(detail.shownProperty().get());
        assertEquals(second.messageId(), detail.detailProperty().get().messageId());

        CompletableFuture<MessageDetail> again = new CompletableFuture<>();
        api.onMessage = id -> again;
        detail.refresh();
        assertEquals(LoadState.LOADED, detail.status().state(), "a refresh keeps the message in view");
        again.completeExceptionally(FakeMessagesApi.forbidden());
        assertEquals(LoadState.FAILED, detail.status().state());
        assertFalse(detail.status().errorProperty().get().isEmpty(), "why, in a sentence");
        assertEquals(second.messageId(), detail.detailProperty().get().messageId(), "still shown beside the error");
        assertTrue(notFound.isEmpty());

        api.onMessage = id -> CompletableFuture.completedFuture(second);
        detail.status().retry();
        assertEquals(LoadState.LOADED, detail.status().state());
        assertEquals("", detail.status().errorProperty().get());
    }

    @Test
    void aPastedIdThatIsNoMessageLeavesTheMessageShownAsTheTabsMessage() {
        MessageDetail shown = retrying();
        api.details.put(shown.messageId(), shown);
        detail.open(shown.messageId());
        UUID conversation = UUID.randomUUID();
        detail.requestedProperty().set(conversation);
        detail.open(conversation);
        assertEquals(List.of(conversation), notFound);
        assertEquals(shown.messageId(), detail.requestedProperty().get());
        assertTrue(detail.shownProperty().get());
        assertEquals(LoadState.LOADED, detail.status().state());
    }

    @Test
    void anAnswerForAMessageNoLongerAskedForIsDropped() {
        MessageDetail late = retrying();
        MessageDetail wanted = retrying();
        CompletableFuture<MessageDetail> lateAnswer = new CompletableFuture<>();
        api.onMessage = id -> id.equals(late.messageId()) ? lateAnswer : CompletableFuture.completedFuture(wanted);
        detail.open(late.messageId());
        detail.open(wanted.messageId());
        lateAnswer.complete(late);
        assertEquals(wanted.messageId(), detail.detailProperty().get().messageId());
        assertTrue(lateAnswer.isCancelled(), "the call before is cancelled, not left to run");
    }

    @Test
    void aPayloadThatFailedIsReadAgainByRetry() {
        MessageDetail d = retrying();
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());
        detail.loadPayload();
        assertEquals(LoadState.FAILED, detail.payloadStatus().state());
        api.onPayload = id -> CompletableFuture.completedFuture(new MessagePayload(id, "text/plain", 0, "text", "",
                false, false, List.of(), null));
        detail.payloadStatus().retry();
        assertEquals(LoadState.EMPTY, detail.payloadStatus().state(), "read again: this one has no payload");
        assertEquals("", detail.payloadStatus().errorProperty().get());
    }

    @Test
    void aRedeliveryThatFailsSaysWhyWithoutCallingTheMessageUnloaded() {
        MessageDetail d = with(retrying(), MessageStatus.DEAD_LETTERED, 3, MessagingPattern.ASYNC_RELIABLE, SPINE_RELIABLE);
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());
        api.details.remove(d.messageId());
        detail.redeliver("Receiver certificate renewed", x -> { });
        assertFalse(detail.actionErrorProperty().get().isEmpty());
        assertEquals(LoadState.LOADED, detail.status().state(), "the message itself is still loaded and shown");
        assertFalse(detail.busyProperty().get());
    }

    @Test
    void aMessageAScenarioInjectedSaysWhichFromItsFieldAndARealOneSaysNothing() {
        MessageDetail injected = retrying().withInjected("Winter drill");
        api.details.put(injected.messageId(), injected);
        detail.open(injected.messageId());
        assertEquals("Injected by scenario \u201cWinter drill\u201d", detail.injectedProperty().get());

        MessageDetail real = retrying();
        api.details.put(real.messageId(), real);
        detail.open(real.messageId());
        assertEquals("", detail.injectedProperty().get(), "a real message, even one whose text mentions a scenario");
    }
}
