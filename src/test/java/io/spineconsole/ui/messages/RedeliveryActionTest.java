package io.spineconsole.ui.messages;

import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryCopy;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.WorkspaceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console side of "one intent, one effect": what a service desk sees before, during and after a redelivery. */
class RedeliveryActionTest {
    private TestServices t;
    private FakeMessagesApi api;
    private FakeBackboneApi backbone;
    private MessageDetailViewModel detail;
    private RedeliveryAction redelivery;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        api = new FakeMessagesApi();
        backbone = new FakeBackboneApi(Role.OPERATOR, api);
        connect(TestServices.context(backbone, Role.OPERATOR));
    }

    private void connect(WorkspaceContext context) {
        detail = new MessageDetailViewModel(t.ui, t.i18n, t.text);
        detail.connect(context);
        redelivery = detail.redelivery();
    }

    private MessageDetail deadLetter() {
        MessageSummary s = FakeMessagesApi.summary(MessageStatus.DEAD_LETTERED);
        MessageDetail d = MessageDetail.of(s, 3, List.of(), null, null, null, List.of(), null);
        api.details.put(d.messageId(), d);
        api.endpoints.put(d.endpointId(), endpoint(d, RegistrationStatus.ACTIVE, FakeMessagesApi.NOW.plus(Duration.ofDays(90))));
        return d;
    }

    private static MhsEndpoint endpoint(MessageDetail d, RegistrationStatus status, java.time.Instant notAfter) {
        Certificate cert = Certificate.of("CN=mhs", "CN=NHS", "01", FakeMessagesApi.NOW.minus(Duration.ofDays(300)),
                notAfter, FakeMessagesApi.NOW);
        return new MhsEndpoint(d.endpointId(), "MHS", "A81001", d.to().partyKey(), "https://mhs.example", "mhs.example",
                "S1", List.of(), null, null, null, cert, null, status, null, 1, FakeMessagesApi.NOW, "t",
                FakeMessagesApi.NOW, "t");
    }

    private static ApiException noAnswer() {
        return new ApiException(ApiException.Kind.OFFLINE, 0, ApiException.OUTCOME_UNKNOWN,
                "No answer came back from fake: the request may or may not have been carried out.", "POST", List.of(), null);
    }

    @Test
    void anAnswerThatNeverCameIsSaidPlainlyAndTryAgainIsTheSameIntent() {
        MessageDetail d = deadLetter();
        detail.open(d.messageId());
        List<CompletableFuture<MessageDetail>> answers = new ArrayList<>();
        answers.add(CompletableFuture.failedFuture(noAnswer()));
        MessageDetail copy = MessageDetail.of(FakeMessagesApi.summary(MessageStatus.RECEIVED), 1, List.of(), null, null,
                null, List.of(), null);
        answers.add(CompletableFuture.completedFuture(copy));
        api.onRedeliver = id -> answers.remove(0);

        detail.redeliver("Receiver certificate renewed", x -> { });
        assertTrue(redelivery.outcomeUnknownProperty().get());
        assertEquals(t.i18n.get("messages.redeliver.outcomeUnknown"), redelivery.errorProperty().get());
        assertTrue(redelivery.errorProperty().get().contains("may have gone through"));
        assertTrue(redelivery.errorProperty().get().contains("Trying again is safe"));

        redelivery.tryAgain();
        assertEquals(2, api.redeliveryIntents.size());
        assertEquals(api.redeliveryIntents.get(0), api.redeliveryIntents.get(1), "the same Idempotency-Key both times");
        assertFalse(redelivery.outcomeUnknownProperty().get());
        assertEquals("", redelivery.errorProperty().get());
        assertEquals(t.i18n.get("messages.redeliver.doneAfterAll", copy.summary().displayId()),
                redelivery.resultProperty().get(), "the outcome, once known");
    }

    @Test
    void theSameWordsSentAgainAreTheSameIntentAndNewWordsAreANewOne() {
        MessageDetail d = deadLetter();
        detail.open(d.messageId());
        api.onRedeliver = id -> CompletableFuture.failedFuture(FakeMessagesApi.forbidden());
        detail.redeliver("Receiver certificate renewed", x -> { });
        Confirmation again = redelivery.confirmation();
        assertEquals("Receiver certificate renewed", again.draftReason(), "the dialog opens with the words typed");
        detail.redeliver(again.draftReason(), x -> { });
        detail.redeliver("A different incident", x -> { });
        assertEquals(api.redeliveryIntents.get(0), api.redeliveryIntents.get(1));
        assertNotEquals(api.redeliveryIntents.get(1), api.redeliveryIntents.get(2));

        api.onRedeliver = null; // goes through now: the next redelivery is a new intent
        detail.redeliver("A different incident", x -> { });
        assertNull(redelivery.confirmation().draftReason(), "once it went through, the reason is not offered again");
    }

    @Test
    void backOnlineItAsksAgainByItselfWithTheSameKey() {
        MessageDetail d = deadLetter();
        detail.open(d.messageId());
        api.onRedeliver = id -> CompletableFuture.failedFuture(noAnswer());
        detail.redeliver("Receiver certificate renewed", x -> { });
        api.onRedeliver = null;
        backbone.connection().report(ConnectionState.OFFLINE);
        backbone.connection().report(ConnectionState.ONLINE);
        assertEquals(2, api.redeliveryIntents.size(), "asked again once the connection is back");
        assertEquals(api.redeliveryIntents.get(0), api.redeliveryIntents.get(1));
        assertFalse(redelivery.outcomeUnknownProperty().get());
        assertTrue(redelivery.resultProperty().get().contains("once"));
    }

    @Test
    void anUnsettledRedeliveryIsSaidOnItsOwnMessageOnlyAndNotResentFromAnother() {
        MessageDetail first = deadLetter();
        MessageDetail other = deadLetter();
        detail.open(first.messageId());
        api.onRedeliver = id -> CompletableFuture.failedFuture(noAnswer());
        detail.redeliver("Receiver certificate renewed", x -> { });
        detail.open(other.messageId());
        assertFalse(redelivery.outcomeUnknownProperty().get(), "another message: nothing unsettled about it");
        api.onRedeliver = null;
        backbone.connection().report(ConnectionState.OFFLINE);
        backbone.connection().report(ConnectionState.ONLINE);
        assertEquals(1, api.redeliveryIntents.size(), "not re-sent while another message is shown");

        detail.open(first.messageId());
        assertTrue(redelivery.outcomeUnknownProperty().get(), "back on it: its outcome is still unknown");
        assertEquals(t.i18n.get("messages.redeliver.outcomeUnknown"), redelivery.errorProperty().get());
        redelivery.tryAgain();
        assertEquals(api.redeliveryIntents.get(0), api.redeliveryIntents.get(1));
        assertTrue(redelivery.resultProperty().get().contains("once"));
    }

    @Test
    void aCopyInFlightMakesTheConfirmationAskForASecondCopyByName() {
        MessageDetail d = deadLetter();
        UUID copyId = UUID.randomUUID();
        d = d.withLineage(List.of(new RedeliveryCopy(copyId, d.messageId(), MessageStatus.ACKNOWLEDGED,
                FakeMessagesApi.NOW, null)));
        api.details.put(d.messageId(), d);
        detail.open(d.messageId());

        assertTrue(redelivery.needsForce());
        Confirmation c = redelivery.confirmation();
        assertEquals(t.i18n.get("messages.redeliver.forceTitle"), c.title());
        assertTrue(c.message().contains(d.summary().displayId()), "names the message");
        assertTrue(c.message().contains("(Tester)"), "says whose name the audit log records it under");
        assertTrue(c.message().contains(copyId.toString().toUpperCase(Locale.ROOT)), "names the copy in the way");
        assertTrue(c.reasonRequired());

        redelivery.redeliver("Receiver lost the first copy", true, x -> { });
        assertEquals(d.messageId() + ":Receiver lost the first copy:forced", api.redeliveries.get(0));
    }

    @Test
    void theConfirmationWarnsWhenTheReceiverIsNotRegisteredOrItsCertificateEnded() {
        MessageDetail d = deadLetter();
        api.endpoints.clear();
        detail.open(d.messageId());
        String party = d.to().partyKey();
        assertEquals(List.of(t.i18n.get("messages.redeliver.warnUnregistered", party)), redelivery.warnings());
        assertTrue(redelivery.confirmation().message().contains(t.i18n.get("messages.redeliver.warnUnregistered", party)));

        MessageDetail other = deadLetter();
        api.endpoints.put(other.endpointId(), endpoint(other, RegistrationStatus.SUSPENDED,
                FakeMessagesApi.NOW.minus(Duration.ofDays(2))));
        detail.open(other.messageId());
        assertEquals(2, redelivery.warnings().size());
        assertTrue(redelivery.warnings().get(0).contains(t.i18n.get("registrations.status.suspended")));
        assertTrue(redelivery.warnings().get(1).startsWith(t.i18n.get("messages.redeliver.warnCertificate", party, "")
                .substring(0, 20)));

        MessageDetail fine = deadLetter();
        detail.open(fine.messageId());
        assertTrue(redelivery.warnings().isEmpty(), "a registered receiver with a current certificate: nothing to warn of");

        // The directory knows the receiver by its party key under another endpoint id: registered, no warning.
        api.endpoints.clear();
        MessageDetail byParty = deadLetter();
        MhsEndpoint registered = api.endpoints.remove(byParty.endpointId());
        api.endpoints.put(UUID.randomUUID(), registered);
        detail.open(byParty.messageId());
        assertTrue(redelivery.warnings().isEmpty(), "found by party key: " + redelivery.warnings());
    }

    @Test
    void whyRedeliverIsDisabledIsSaid() {
        MessageDetail delivered = MessageDetail.of(FakeMessagesApi.summary(MessageStatus.ACKNOWLEDGED), 1, List.of(),
                null, null, null, List.of(), null);
        api.details.put(delivered.messageId(), delivered);
        detail.open(delivered.messageId());
        assertFalse(redelivery.redeliverableProperty().get());
        assertEquals(t.i18n.get("messages.redeliver.whyNotStatus", t.text.status(MessageStatus.ACKNOWLEDGED)),
                redelivery.whyNotProperty().get());

        MessageDetail d = deadLetter();
        detail.open(d.messageId());
        assertEquals("", redelivery.whyNotProperty().get());

        MessageSummary s = FakeMessagesApi.summary(MessageStatus.DEAD_LETTERED);
        MessageDetail discarded = MessageDetail.of(s, 1, List.of(new io.spineconsole.domain.messages.MessageEvent(1,
                MessageStatus.DEAD_LETTERED, "DISCARDED", "Discarded by Tester: test traffic", null,
                FakeMessagesApi.NOW, 1)), null, null, null, List.of(), null);
        api.details.put(discarded.messageId(), discarded);
        detail.open(discarded.messageId());
        assertFalse(redelivery.redeliverableProperty().get(), "a discarded dead letter is not redelivered");
        assertEquals(t.i18n.get("messages.redeliver.whyNotDiscarded"), redelivery.whyNotProperty().get());

        connect(TestServices.context(new FakeBackboneApi(Role.VIEWER, api), Role.VIEWER));
        detail.open(d.messageId());
        assertEquals(t.i18n.get("messages.detail.viewerNote"), redelivery.whyNotProperty().get());
        detail.redeliver("Receiver certificate renewed", x -> { });
        assertTrue(api.redeliveries.isEmpty(), "a viewer sends nothing");
    }

    @Test
    void onLiveTheEnvironmentIsTypedAndNamed() {
        connect(TestServices.context(backbone, Role.OPERATOR, "profile-live", EnvironmentKind.LIVE));
        MessageDetail d = deadLetter();
        detail.open(d.messageId());
        Confirmation c = redelivery.confirmation();
        assertEquals("Live service", c.typeToConfirm());
        assertTrue(c.message().contains("Live service"));
        assertFalse(c.accepts("", "Receiver certificate renewed"));
        assertTrue(c.accepts("Live service", "Receiver certificate renewed"));
    }
}
