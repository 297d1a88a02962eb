package io.spineconsole.testing;

import io.spineconsole.api.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Every page of a keyset-paged list, for tests that read a list to its end as the console pages it. */
public final class Pages {
    private Pages() {
    }

    /** The items of every page in order: {@code page} asks for the page after a cursor (null for the first). */
    public static <T> List<T> all(Function<String, CompletableFuture<Page<T>>> page) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> p = page.apply(cursor).join();
            out.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }
}
