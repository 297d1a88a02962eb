package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsViewModelTest {
    private final TestServices t = new TestServices();
    private final FakeMessagesApi api = new FakeMessagesApi();

    @Test
    void aFailedLoadSaysWhyAndRetryLoadsAgain() {
        ChartsViewModel stats = new ChartsViewModel(t.ui, t.i18n, t.clock);
        stats.connect(api);
        assertEquals(LoadState.IDLE, stats.status().state(), "nothing asked yet");
        stats.loadIfNeeded();
        assertEquals(LoadState.FAILED, stats.status().state());
        assertFalse(stats.status().errorProperty().get().isEmpty());

        api.onStats = q -> CompletableFuture.completedFuture(new MessageStats(StatsGroup.INTERACTION, StatsBucket.MINUTE,
                q.from(), q.to(), List.of(), List.of()));
        stats.status().retry();
        assertEquals(LoadState.EMPTY, stats.status().state(), "no traffic in the window");
        assertEquals("", stats.status().errorProperty().get());
        assertTrue(stats.throughputProperty().get().isEmpty());
    }

    @Test
    void anAnswerToAnEarlierChoiceIsDropped() {
        ChartsViewModel stats = new ChartsViewModel(t.ui, t.i18n, t.clock);
        stats.connect(api);
        CompletableFuture<MessageStats> bySite = new CompletableFuture<>();
        api.onStats = q -> q.groupBy() == StatsGroup.SITE ? bySite : CompletableFuture.completedFuture(new MessageStats(
                StatsGroup.INTERACTION, StatsBucket.MINUTE, q.from(), q.to(), List.of(), List.of()));
        stats.groupProperty().set(StatsGroup.SITE);
        stats.load();
        stats.groupProperty().set(StatsGroup.INTERACTION);
        stats.load();
        bySite.completeExceptionally(FakeMessagesApi.forbidden());
        assertEquals(LoadState.EMPTY, stats.status().state(), "the late failure of the site view changes nothing");
        assertEquals(StatsGroup.INTERACTION, stats.statsProperty().get().groupBy());
    }
}
