package io.spineconsole.ui.common;

import io.spineconsole.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatestLoadTest {
    private final I18n i18n = new I18n(Locale.UK);
    /** The UI thread: answers wait here until the test runs them, as they wait for the FX thread. */
    private final Deque<Runnable> uiThread = new ArrayDeque<>();
    private final List<String> shown = new ArrayList<>();
    private final LatestLoad load = new LatestLoad(new UiExecutor(uiThread::add), i18n, () -> !shown.isEmpty());

    private void runUiThread() {
        while (!uiThread.isEmpty()) {
            uiThread.poll().run();
        }
    }

    private void start(CompletableFuture<List<String>> call) {
        load.start(call, rows -> shown.addAll(0, rows), List::isEmpty);
    }

    private static ApiException offline() {
        return new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE", "No answer.", "GET /x: connect timed out",
                List.of(), null);
    }

    @Test
    void anAnswerThatArrivesAfterANewerLoadStartedIsDropped() {
        CompletableFuture<List<String>> first = new CompletableFuture<>();
        start(first);
        first.complete(List.of("stale")); // answered, but not yet shown: the UI thread is busy
        CompletableFuture<List<String>> second = new CompletableFuture<>();
        start(second);
        runUiThread();
        assertEquals(List.of(), shown, "the first answer never lands");
        assertEquals(LoadState.LOADING, load.stateProperty().get(), "the newer load is still awaited");

        second.complete(List.of("fresh"));
        runUiThread();
        assertEquals(List.of("fresh"), shown);
        assertEquals(LoadState.LOADED, load.status().state());
    }

    @Test
    void aFailureKeepsWhatIsShownAndSaysWhyWithADetailToCopy() {
        start(CompletableFuture.completedFuture(List.of("kept")));
        runUiThread();
        start(CompletableFuture.failedFuture(offline()));
        assertEquals(LoadState.LOADED, load.status().state(), "a reload keeps the data in view, no spinner");
        runUiThread();
        assertEquals(List.of("kept"), shown);
        assertEquals(LoadState.FAILED, load.status().state());
        assertTrue(load.status().errorProperty().get().contains("No answer."), load.status().errorProperty().get());
        assertEquals("GET /x: connect timed out", load.status().errorDetailProperty().get());
        assertTrue(load.status().failed().get());
    }

    @Test
    void retryRunsTheLoadAgainAndASuccessClearsTheError() {
        int[] calls = {0};
        Runnable refresh = () -> {
            calls[0]++;
            start(calls[0] == 1 ? CompletableFuture.failedFuture(offline()) : CompletableFuture.completedFuture(List.of("a")));
        };
        load.onRetry(refresh);
        refresh.run();
        runUiThread();
        assertEquals(LoadState.FAILED, load.status().state());

        load.status().retry();
        assertEquals(2, calls[0], "Retry asked again");
        assertEquals(LoadState.LOADING, load.status().state());
        runUiThread();
        assertEquals(LoadState.LOADED, load.status().state());
        assertEquals("", load.status().errorProperty().get());
        assertEquals("", load.status().errorDetailProperty().get());
    }

    @Test
    void anEmptyAnswerIsEmptyAndCancellingBeforeTheFirstAnswerLeavesNothingSpinning() {
        start(CompletableFuture.completedFuture(List.of()));
        runUiThread();
        assertEquals(LoadState.EMPTY, load.status().state());

        CompletableFuture<List<String>> pending = new CompletableFuture<>();
        start(pending);
        assertTrue(load.isRunning());
        load.cancel();
        assertTrue(pending.isCancelled(), "the call itself is cancelled");
        assertFalse(load.isRunning());
        assertEquals(LoadState.IDLE, load.status().state());
    }

    @Test
    void dataAtHandIsShownAtOnceAndAFailureCanBeSaidInTheViewsWords() {
        CompletableFuture<List<String>> pending = new CompletableFuture<>();
        start(pending);
        load.shown(false);
        assertTrue(pending.isCancelled(), "what was being fetched is no longer wanted");
        assertEquals(LoadState.LOADED, load.status().state());

        load.explainFailures(f -> "Could not connect to INT. " + ErrorText.sentence(i18n, f), f -> "detail: " + f.getMessage());
        start(CompletableFuture.failedFuture(offline()));
        runUiThread();
        assertTrue(load.status().errorProperty().get().startsWith("Could not connect to INT. "));
        assertEquals("detail: No answer.", load.status().errorDetailProperty().get());
    }
}
