package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchLinkCodecTest {
    private static final I18n I18N = new I18n(Locale.UK);

    private static SearchForm form(ZoneId zone) {
        return new SearchForm(I18N, new MessageText(I18N, Clock.fixed(FakeMessagesApi.NOW, zone)));
    }

    /** What a colleague's console makes of the link as pasted (a string, through the clipboard). */
    private static SearchForm pastedInto(SearchForm reader, ConsoleLink link) {
        SearchLinkCodec.read(ConsoleLink.parse(link.toString()).orElseThrow(), reader);
        return reader;
    }

    @Test
    void everyFilterMakesTheRoundTripAndTheSameSearchComesOut() {
        SearchForm mine = form(ZoneOffset.UTC);
        UUID endpoint = UUID.randomUUID();
        mine.ods().valueProperty().set(" rr8 ");
        mine.asid().valueProperty().set("200000000985");
        mine.partyKey().valueProperty().set("rr8-0000806");
        mine.interaction().valueProperty().set("urn:nhs:names:services:psis:REPC_IN150016UK05");
        mine.statuses().setAll(MessageStatus.DEAD_LETTERED, MessageStatus.NACKED);
        mine.siteProperty().set("DC-NORTH");
        mine.endpointIdProperty().set(endpoint);
        mine.signatureProperty().set("nacked|ERR_42|REPC_IN150016UK05|RR8-0000806");
        mine.rangeProperty().set(TimeRange.LAST_7_DAYS);
        mine.oldestFirstProperty().set(true);

        ConsoleLink link = SearchLinkCodec.toLink(mine);
        SearchForm theirs = pastedInto(form(ZoneOffset.UTC), link);

        assertEquals(mine.build(FakeMessagesApi.NOW), theirs.build(FakeMessagesApi.NOW));
        assertEquals(link, SearchLinkCodec.toLink(theirs), "and back again to the same link");
        assertEquals(List.of(MessageStatus.DEAD_LETTERED, MessageStatus.NACKED), theirs.statuses(), "in the order chosen");
        assertEquals("RR8", theirs.ods().value(), "as normalised");
        assertEquals(endpoint, theirs.endpointIdProperty().get());
    }

    @Test
    void aPresetWindowStaysRelativeSoLastHourIsTheReadersLastHour() {
        SearchForm mine = form(ZoneOffset.UTC);
        mine.rangeProperty().set(TimeRange.LAST_HOUR);
        ConsoleLink link = SearchLinkCodec.toLink(mine);
        assertEquals("PT1H", link.param("range").orElseThrow());
        assertTrue(link.param("from").isEmpty() && link.param("to").isEmpty(), "no instants: " + link);

        SearchForm later = pastedInto(form(ZoneOffset.UTC), link);
        assertEquals(TimeRange.LAST_HOUR, later.rangeProperty().get());
        var search = later.build(FakeMessagesApi.NOW.plusSeconds(7200));
        assertEquals(FakeMessagesApi.NOW.plusSeconds(3600), search.from(), "an hour before the reader's now");
    }

    @Test
    void aCustomWindowTravelsAsInstantsAndReadsBackInTheReadersZone() {
        SearchForm mine = form(ZoneId.of("Europe/London"));
        mine.rangeProperty().set(TimeRange.CUSTOM);
        mine.from().valueProperty().set("2025-07-01 09:30");
        mine.to().valueProperty().set("2025-07-01 11:00");
        ConsoleLink link = SearchLinkCodec.toLink(mine);
        assertEquals("2025-07-01T08:30:00Z", link.param("from").orElseThrow(), "British Summer Time is UTC+1");
        assertEquals("2025-07-01T10:00:00Z", link.param("to").orElseThrow());

        SearchForm abroad = pastedInto(form(ZoneId.of("Europe/Paris")), link);
        assertEquals(TimeRange.CUSTOM, abroad.rangeProperty().get());
        assertEquals("2025-07-01 10:30", abroad.from().value(), "the same instant, as the reader types it");
        assertEquals(mine.build(FakeMessagesApi.NOW).from(), abroad.build(FakeMessagesApi.NOW).from());
        assertEquals(mine.build(FakeMessagesApi.NOW).to(), abroad.build(FakeMessagesApi.NOW).to());
    }

    @Test
    void aLinkCarriesNoServerAddressAndOnlyTheFiltersInForce() {
        SearchForm mine = form(ZoneOffset.UTC);
        mine.ods().valueProperty().set("RR8");
        String pasted = SearchLinkCodec.toLink(mine).toString();
        assertTrue(pasted.startsWith("spine-console://messages/search?"), pasted);
        assertFalse(pasted.contains("http") || pasted.contains("127.0.0.1"), pasted);
        assertFalse(pasted.contains("asid") || pasted.contains("status") || pasted.contains("sort"), pasted);
    }

    @Test
    void readingALinkClearsWhatItDoesNotName() {
        SearchForm reader = form(ZoneOffset.UTC);
        reader.asid().valueProperty().set("200000000985");
        reader.siteProperty().set("DC-SOUTH");
        reader.oldestFirstProperty().set(true);
        pastedInto(reader, ConsoleLink.parse("spine-console://messages/search?ods=RTH").orElseThrow());
        assertEquals("RTH", reader.ods().value());
        assertEquals("", reader.asid().value());
        assertEquals("", reader.siteProperty().get());
        assertFalse(reader.oldestFirstProperty().get());
        assertEquals(TimeRange.LAST_24_HOURS, reader.rangeProperty().get(), "no window named: the last 24 hours");
    }

    @Test
    void aDamagedLinkKeepsWhatCanBeShownAndSaysWhatIsWrong() {
        SearchForm reader = pastedInto(form(ZoneOffset.UTC), ConsoleLink.parse("spine-console://messages/search?"
                + "ods=R%21&status=nacked,bogus,nacked,expired&endpointId=not-an-id&range=P99D").orElseThrow());
        assertEquals("R!", reader.ods().value(), "kept as given");
        assertFalse(reader.ods().isValid(), "its field says what is wrong");
        assertEquals(List.of(MessageStatus.NACKED, MessageStatus.EXPIRED), reader.statuses(), "unknown and repeated left out");
        assertNull(reader.endpointIdProperty().get());
        assertEquals(TimeRange.LAST_24_HOURS, reader.rangeProperty().get(), "an unknown window: the default");
    }
}
