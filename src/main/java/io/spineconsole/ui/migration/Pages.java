package io.spineconsole.ui.migration;

import io.spineconsole.api.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads every page of a small server list (the programme's components, sites, waves: dozens, not
 * millions) by following its cursors, one call after another, up to a bound.
 */
final class Pages {
    private Pages() {
    }

    /** All items, following {@code nextCursor} for at most {@code maxPages} pages. */
    static <T> CompletableFuture<List<T>> all(Function<String, CompletableFuture<Page<T>>> fetch, int maxPages) {
        return next(fetch, null, new ArrayList<>(), maxPages);
    }

    private static <T> CompletableFuture<List<T>> next(Function<String, CompletableFuture<Page<T>>> fetch,
                                                       String cursor, List<T> sofar, int pagesLeft) {
        return fetch.apply(cursor).thenCompose(page -> {
            sofar.addAll(page.items());
            if (page.hasMore() && pagesLeft > 1) {
                return next(fetch, page.nextCursor(), sofar, pagesLeft - 1);
            }
            return CompletableFuture.completedFuture(List.copyOf(sofar));
        });
    }
}
