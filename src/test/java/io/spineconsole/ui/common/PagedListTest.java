package io.spineconsole.ui.common;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagedListTest {
    private final I18n i18n = new I18n(Locale.UK);
    private final PagedList<String> list = new PagedList<>(new UiExecutor(Runnable::run), i18n);
    private final List<String> cursorsAsked = new ArrayList<>();
    private final List<CompletableFuture<Page<String>>> calls = new ArrayList<>();

    private PagedList.PageSource<String> source() {
        return cursor -> {
            cursorsAsked.add(cursor);
            CompletableFuture<Page<String>> f = new CompletableFuture<>();
            calls.add(f);
            return f;
        };
    }

    @Test
    void pagesAreAppendedByCursorUntilTheLast() {
        list.load(source());
        assertEquals(LoadState.LOADING, list.stateProperty().get());
        calls.get(0).complete(new Page<>(List.of("a", "b"), "c1", 5_000, false));
        assertEquals(List.of("a", "b"), list.items());
        assertTrue(list.hasMoreProperty().get());
        assertEquals(5_000, list.approximateTotalProperty().get());

        list.loadMore();
        list.loadMore(); // ignored while the page is on its way
        assertEquals(2, calls.size());
        calls.get(1).complete(new Page<>(List.of("c"), null, 3, true));
        assertEquals(List.of("a", "b", "c"), list.items());
        assertFalse(list.hasMoreProperty().get());
        list.loadMore();
        assertEquals(2, calls.size(), "no page after the last");
        assertEquals(java.util.Arrays.asList(null, "c1"), cursorsAsked);
        assertEquals(LoadState.LOADED, list.stateProperty().get());
    }

    @Test
    void aNewQueryCancelsTheStaleOneWhoseAnswerNeverLands() {
        list.load(source());
        list.load(source());
        assertTrue(calls.get(0).isCancelled());
        calls.get(1).complete(new Page<>(List.of("new"), null, 1, true));
        calls.get(0).obtrudeValue(new Page<>(List.of("stale"), null, 1, true));
        assertEquals(List.of("new"), list.items());
    }

    @Test
    void aFailedLoadKeepsTheRowsAndSaysWhy() {
        list.load(source());
        calls.get(0).complete(new Page<>(List.of("kept"), null, 1, true));
        list.reload();
        calls.get(1).completeExceptionally(new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE",
                "No answer.", "connect timed out", List.of(), null));
        assertEquals(List.of("kept"), list.items());
        assertEquals(LoadState.FAILED, list.stateProperty().get());
        assertTrue(list.errorProperty().get().contains("No answer."), list.errorProperty().get());
        assertEquals("connect timed out", list.errorDetailProperty().get());
        assertFalse(list.busyProperty().get());
    }

    @Test
    void aStaleAnswerAlreadyOnItsWayToTheUiThreadIsDropped() {
        java.util.Deque<Runnable> uiThread = new java.util.ArrayDeque<>();
        PagedList<String> queued = new PagedList<>(new UiExecutor(uiThread::add), i18n);
        queued.load(source());
        calls.get(0).complete(new Page<>(List.of("stale"), null, 1, true)); // answered; the UI thread has not run it yet
        queued.load(source());
        calls.get(1).complete(new Page<>(List.of("fresh"), null, 1, true));
        while (!uiThread.isEmpty()) {
            uiThread.poll().run();
        }
        assertEquals(List.of("fresh"), queued.items());
        assertEquals(LoadState.LOADED, queued.status().state());
    }

    @Test
    void retryRunsTheFailedQueryAgainFromItsFirstPage() {
        list.load(source());
        calls.get(0).completeExceptionally(new ApiException(ApiException.Kind.SERVER_ERROR, 503, "UNAVAILABLE",
                "Try later.", "GET /x: 503", List.of(), null));
        assertEquals(LoadState.FAILED, list.status().state());
        list.status().retry();
        assertEquals(2, calls.size(), "Retry asked the server again");
        assertEquals(java.util.Arrays.asList(null, null), cursorsAsked, "from the first page");
        assertEquals(LoadState.LOADING, list.status().state());
        calls.get(1).complete(new Page<>(List.of("a"), null, 1, true));
        assertEquals(List.of("a"), list.items());
        assertEquals(LoadState.LOADED, list.status().state());
        assertEquals("", list.status().errorProperty().get(), "the error is gone");
    }

    @Test
    void aFailedNextPageKeepsTheRowsAndSaysWhy() {
        list.load(source());
        calls.get(0).complete(new Page<>(List.of("a"), "c1", 2, true));
        list.loadMore();
        calls.get(1).completeExceptionally(new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE",
                "No answer.", "connect timed out", List.of(), null));
        assertEquals(List.of("a"), list.items());
        assertTrue(list.status().errorProperty().get().contains("No answer."));
    }

    @Test
    void anEmptyAnswerIsEmptyNotLoading() {
        list.load(source());
        calls.get(0).complete(new Page<>(List.of(), null, 0, true));
        assertEquals(LoadState.EMPTY, list.stateProperty().get());
    }
}
