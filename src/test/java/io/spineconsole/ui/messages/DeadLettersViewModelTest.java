package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.Confirmation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLettersViewModelTest {
    private static final String EXHAUSTED = "Undelivered: 3 attempts, retries exhausted (TIMEOUT)";
    private static final String EXHAUSTED_5 = "Undelivered: 5 attempts, retries exhausted (TIMEOUT)";
    private static final String UNREGISTERED = "Unregistered To address: no endpoint is registered for party key "
            + "A81001-821870 and interaction REPC_IN150016UK05";
    private final TestServices t = new TestServices();
    private final FakeMessagesApi api = new FakeMessagesApi();

    private DeadLettersViewModel model(Role role) {
        DeadLettersViewModel m = new DeadLettersViewModel(t.ui, t.i18n, t.clock);
        m.connect(TestServices.context(new FakeBackboneApi(role, api), role));
        return m;
    }

    private DeadLetter letter(String code, String description) {
        DeadLetter d = new DeadLetter(FakeMessagesApi.summary(MessageStatus.DEAD_LETTERED),
                FakeMessagesApi.NOW.minusSeconds(60), code, description, null);
        api.deadLetterList.add(d);
        return d;
    }

    @Test
    void aSelectionIsDiscardedWithTheReasonAfterAConfirmationNamingHowManyAndWhere() {
        DeadLetter a = letter("14", EXHAUSTED);
        DeadLetter b = letter("14", EXHAUSTED_5);
        DeadLetter kept = letter("12", UNREGISTERED);
        DeadLettersViewModel m = model(Role.OPERATOR);
        m.load();
        assertEquals(3, m.letters().items().size());
        assertTrue(m.mayDiscardProperty().get());

        Confirmation c = m.discardConfirmation(List.of(a, b));
        assertTrue(c.reasonRequired(), "a reason goes to the audit log");
        assertTrue(c.destructive());
        assertTrue(c.message().startsWith("Discard 2 dead letters on Sandbox."), c.message());
        assertFalse(c.accepts(null, " "), "no discard without a reason");

        m.discard(List.of(a, b), "Test traffic from a retired system");

        assertEquals(1, api.discards.size());
        assertEquals(List.of(a.message().messageId(), b.message().messageId()), api.discards.get(0).messageIds());
        assertEquals("Test traffic from a retired system", api.discards.get(0).reason());
        assertEquals(List.of(kept), List.copyOf(m.letters().items()), "the list refreshed without them");
        assertEquals(t.i18n.get("messages.deadLetters.discarded", 2), m.noticeProperty().get());
    }

    @Test
    void groupsCountByReasonAndAGroupIsDiscardedWhole() {
        letter("14", EXHAUSTED);
        letter("14", "[Injected by training scenario \u201cDrill\u201d] " + EXHAUSTED_5);
        DeadLetter other = letter("12", UNREGISTERED);
        DeadLettersViewModel m = model(Role.OPERATOR);
        m.groupedProperty().set(true);
        m.load();
        DeadLetterGroup exhausted = new DeadLetterGroup("14", DeadLetterGroup.causeOf(EXHAUSTED), 2,
                FakeMessagesApi.NOW, FakeMessagesApi.NOW, EXHAUSTED);
        assertEquals("Retries exhausted (TIMEOUT)", exhausted.cause());
        assertEquals("Unregistered To address", DeadLetterGroup.causeOf(UNREGISTERED));
        assertEquals(List.of(2L, 1L), m.groups().stream().map(DeadLetterGroup::count).sorted(
                java.util.Comparator.reverseOrder()).toList(), "one group per reason, attempts and labels aside");

        assertTrue(m.discardConfirmation(exhausted).message().contains("2"));
        m.discardGroup(exhausted, "Retired receiver, nothing to resend");

        assertEquals(1, api.discards.size());
        assertEquals(2, api.discards.get(0).messageIds().size(), "both dead letters of the group, whatever the attempts");
        assertFalse(api.discards.get(0).messageIds().contains(other.message().messageId()));
        assertEquals(List.of(other), List.copyOf(m.letters().items()));
    }

    @Test
    void viewersCannotDiscard() {
        DeadLetter a = letter("14", EXHAUSTED);
        DeadLettersViewModel m = model(Role.VIEWER);
        m.load();
        assertFalse(m.mayDiscardProperty().get());
        m.discard(List.of(a), "Not mine to discard");
        assertTrue(api.discards.isEmpty(), "nothing sent");
        assertEquals(1, m.letters().items().size());
    }

    @Test
    void aRefusedDiscardSaysWhyKeepsTheListAndIsRetriedAsTheSameIntent() {
        DeadLetter a = letter("14", EXHAUSTED);
        DeadLettersViewModel m = model(Role.OPERATOR);
        m.load();
        api.onDiscard = r -> CompletableFuture.failedFuture(new ApiException(ApiException.Kind.OFFLINE, 0,
                ApiException.OUTCOME_UNKNOWN, "No answer", "POST", List.of(), null));
        m.discard(List.of(a), "Duplicate of a delivered message");
        assertFalse(m.errorProperty().get().isEmpty(), "says why");
        assertFalse(m.busyProperty().get());
        assertEquals(1, m.letters().items().size());
        assertEquals("Duplicate of a delivered message", m.discardConfirmation(List.of(a)).draftReason(),
                "the reason typed is not lost");

        api.onDiscard = null;
        m.discard(List.of(a), "Duplicate of a delivered message");
        assertEquals(api.discardIntents.get(0), api.discardIntents.get(1), "the same key: discarded once");
        assertTrue(m.letters().items().isEmpty());
        assertEquals("", m.errorProperty().get());
    }

    @Test
    void onALiveServiceTheEnvironmentIsTypedToConfirm() {
        DeadLetter a = letter("14", EXHAUSTED);
        DeadLettersViewModel m = new DeadLettersViewModel(t.ui, t.i18n, t.clock);
        m.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR, "live",
                EnvironmentKind.LIVE));
        Confirmation c = m.discardConfirmation(List.of(a));
        assertEquals("Live service", c.typeToConfirm());
        assertTrue(c.message().contains("Live service"));
        assertNotEquals(c.message(), m.discardConfirmation(List.of(a, letter("12", UNREGISTERED))).message());
    }
}
