package io.spineconsole.ui.messages;

import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.ManualDebouncer;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.messages.MessageFlowViewModel.Tab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageFlowViewModelTest {
    private TestServices t;
    private FakeMessagesApi api;
    private MessageFlowViewModel flow;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        api = new FakeMessagesApi();
        flow = new MessageFlowViewModel(t.services(), ManualDebouncer::new);
        flow.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR));
    }

    private MessageDetail stored(MessageStatus status) {
        MessageSummary s = FakeMessagesApi.summary(status);
        MessageDetail d = MessageDetail.of(s, 1, List.of(), null, null, null, List.of(), null);
        api.details.put(s.messageId(), d);
        return d;
    }

    @Test
    void aMessageLinkOpensTheMessageAndBackReturnsToWhereTheUserWas() {
        MessageDetail d = stored(MessageStatus.NACKED);
        flow.show(Tab.FAILURES);
        assertTrue(flow.open(ConsoleLink.parse("spine-console://messages/message/" + d.summary().displayId()).orElseThrow()));
        assertEquals(Tab.MESSAGE, flow.tabProperty().get());
        assertEquals(d.messageId(), flow.detail().detailProperty().get().messageId());
        assertEquals(flow.detail().link().orElseThrow(), flow.currentLink(), "the link to what is shown");
        flow.back();
        assertEquals(Tab.FAILURES, flow.tabProperty().get());
    }

    @Test
    void aSearchLinkSetsTheFiltersAndRunsThem() {
        assertTrue(flow.open(ConsoleLink.parse("spine-console://messages/search?ods=RR8&status=nacked&range=PT1H").orElseThrow()));
        assertEquals(Tab.SEARCH, flow.tabProperty().get());
        var sent = api.searches.get(api.searches.size() - 1);
        assertEquals("RR8", sent.ods());
        assertEquals(List.of(MessageStatus.NACKED), sent.statuses());
        assertEquals(FakeMessagesApi.NOW.minusSeconds(3600), sent.from());
    }

    @Test
    void aLinkToAnUnknownPlaceOrABadIdIsRefusedWithAReason() {
        assertFalse(flow.open(ConsoleLink.parse("spine-console://messages/nowhere").orElseThrow()));
        assertFalse(flow.open(ConsoleLink.parse("spine-console://messages/message/not-a-uuid").orElseThrow()));
        assertEquals(t.i18n.get("messages.link.badId", "not-a-uuid"), flow.linkProblemProperty().get());
        assertTrue(flow.open(ConsoleLink.parse("spine-console://messages/failures").orElseThrow()));
        assertEquals(Tab.FAILURES, flow.tabProperty().get());
        assertTrue(flow.open(ConsoleLink.parse("spine-console://messages/live").orElseThrow()));
        assertEquals(Tab.LIVE, flow.tabProperty().get());
        assertTrue(flow.live().runningProperty().get(), "showing the live tail starts it");
        assertEquals(1, api.streams.size());
    }

    @Test
    void aPastedIdThatIsNoMessageShowsItsConversationInstead() {
        UUID conversation = UUID.randomUUID();
        flow.search().quickFind().textProperty().set(conversation.toString());
        flow.search().quickFind().changed();
        assertEquals(Tab.SEARCH, flow.tabProperty().get());
        assertEquals(conversation, api.searches.get(api.searches.size() - 1).conversationId());
        assertTrue(flow.search().noticeProperty().get().contains(conversation.toString().toUpperCase()));
    }

    @Test
    void linksToOtherWorkspacesGoThroughTheNavigator() {
        MessageDetail d = stored(MessageStatus.DEAD_LETTERED);
        flow.openMessage(d.messageId());
        assertTrue(flow.openLink(flow.detail().receiverLink().orElseThrow()));
        assertEquals(List.of(ConsoleLink.of("registrations", "endpoints/" + d.endpointId())), t.navigated);
        t.navigator.setTarget(link -> false);
        assertFalse(flow.openLink(ConsoleLink.of("migration", "sites/DC-NORTH")));
        assertFalse(flow.linkProblemProperty().get().isEmpty(), "a link nobody opens is reported");
    }

    @Test
    void theLiveTailUsesTheSearchFilters() {
        flow.search().form().ods().valueProperty().set("RR8");
        flow.search().form().statuses().setAll(MessageStatus.DEAD_LETTERED);
        flow.show(Tab.LIVE);
        var filter = api.streams.get(api.streams.size() - 1);
        assertEquals("RR8", filter.ods());
        assertEquals(List.of(MessageStatus.DEAD_LETTERED), filter.statuses());
        flow.live().useSearchFilterProperty().set(false);
        flow.startLive();
        assertEquals(null, api.streams.get(api.streams.size() - 1).ods());
        flow.dispose();
        assertFalse(flow.live().runningProperty().get(), "closing the session closes the stream");
    }
}
