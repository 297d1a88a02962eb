package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.CertificateState;
import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.ManualDebouncer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthViewModelTest {
    private final TestServices t = new TestServices();
    private final FakeMessagesApi api = new FakeMessagesApi();
    private final ManualDebouncer debouncer = new ManualDebouncer();

    private static EndpointHealth row(long failed, long inFlight) {
        return new EndpointHealth(HealthGroup.ENDPOINT, "RR8", "Leeds", UUID.randomUUID(), "RR8-0001", "200000000001",
                "msg.rr8.nhs.uk", 1, 10, 10 - failed, failed, 0, 0, inFlight, null, failed / 10.0, 100L, null,
                CertificateState.VALID, null, List.of(10L), List.of(failed));
    }

    private HealthViewModel model() {
        HealthViewModel m = new HealthViewModel(t.ui, t.i18n, debouncer);
        m.connect(api);
        return m;
    }

    @Test
    void theFirstLoadAsksForTheWorstOfTheLastHourAndShowsWhatCame() {
        EndpointHealth worst = row(5, 0);
        api.onHealth = q -> CompletableFuture.completedFuture(new EndpointHealthPage(List.of(worst), null, 1, true,
                Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-07T08:40:00Z"), StatsBucket.MINUTE));
        HealthViewModel m = model();
        m.loadIfNeeded();
        assertEquals(Duration.ofHours(1), api.healthQueries.get(0).window());
        assertEquals(HealthSort.WORST, api.healthQueries.get(0).sort());
        assertEquals(List.of(worst), m.rows().items());
        assertEquals(Instant.parse("2026-12-07T08:00:00Z"), m.fromProperty().get());
    }

    @Test
    void typingInTheFilterWaitsForAPauseThenAsksOnce() {
        HealthViewModel m = model();
        m.load();
        m.filterProperty().set("R");
        m.filterProperty().set("RR8 ");
        assertEquals(1, api.healthQueries.size(), "nothing asked while typing");
        debouncer.flush();
        assertEquals(2, api.healthQueries.size());
        assertEquals("RR8", api.healthQueries.get(1).text());
        m.windowProperty().set(TimeRange.LAST_7_DAYS);
        assertEquals(Duration.ofDays(7), api.healthQueries.get(2).window(), "a new window asks at once");
    }

    @Test
    void eachFigureLeadsToTheMessagesBehindIt() {
        HealthViewModel m = model();
        List<Object[]> drills = new ArrayList<>();
        m.onDrill((row, statuses, window) -> drills.add(new Object[] {row, statuses, window}));
        m.windowProperty().set(TimeRange.LAST_24_HOURS);
        EndpointHealth failing = row(3, 2);
        m.drill(failing, HealthViewModel.Figure.FAILED);
        assertEquals(List.copyOf(MessageStatuses.FAILED), drills.get(0)[1]);
        assertEquals(TimeRange.LAST_24_HOURS, drills.get(0)[2]);
        m.drill(failing, HealthViewModel.Figure.IN_FLIGHT);
        assertEquals(List.of(MessageStatus.RECEIVED, MessageStatus.ROUTED, MessageStatus.RETRYING), drills.get(1)[1]);
        assertEquals(TimeRange.LAST_31_DAYS, drills.get(1)[2], "the backlog now reaches back as far as a search can");
        m.drillWorst(failing);
        assertEquals(List.copyOf(MessageStatuses.FAILED), drills.get(2)[1], "a receiver's failures first");
        m.drillWorst(row(0, 0));
        assertTrue(((List<?>) drills.get(3)[1]).isEmpty(), "with none, everything it received");
        m.drill(null, HealthViewModel.Figure.FAILED);
        assertEquals(4, drills.size(), "no row, no drill");
    }
}
