package io.spineconsole.api;

import java.util.List;

/**
 * One page of a large list, fed by keyset paging. {@code nextCursor} is null on the last page;
 * pass it back unchanged to get the next. {@code approximateTotal} is exact only when
 * {@code totalIsExact}: on a store of hundreds of millions of rows, counting takes minutes.
 */
public record Page<T>(List<T> items, String nextCursor, long approximateTotal, boolean totalIsExact) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
