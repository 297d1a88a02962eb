package io.spineconsole.sandbox.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The roll-up cells {@link Rollups} holds, indexed by grouping, then bucket, then key, so that a
 * statistics read touches only its grouping's buckets in its window, and with the keys of the
 * changed cells kept apart, so that a flush touches only those. Not thread-safe: {@link Rollups}
 * guards it.
 */
final class RollupCells {
    private final Map<String, TreeMap<Instant, Map<String, RollupCell>>> byGroup = new HashMap<>();
    private final Set<RollupCell.Key> dirty = new HashSet<>();

    RollupCell get(RollupCell.Key k) {
        TreeMap<Instant, Map<String, RollupCell>> buckets = byGroup.get(k.group());
        Map<String, RollupCell> keys = buckets == null ? null : buckets.get(k.bucket());
        return keys == null ? null : keys.get(k.key());
    }

    void put(RollupCell.Key k, RollupCell c) {
        byGroup.computeIfAbsent(k.group(), g -> new TreeMap<>()).computeIfAbsent(k.bucket(), b -> new HashMap<>())
                .put(k.key(), c);
        if (c.dirty) {
            dirty.add(k);
        }
    }

    int dirtyCount() {
        return dirty.size();
    }

    void markDirty(RollupCell.Key k, RollupCell c) {
        if (!c.dirty) {
            c.dirty = true;
            dirty.add(k);
        }
    }

    void markClean(RollupCell.Key k, RollupCell c) {
        c.dirty = false;
        dirty.remove(k);
    }

    void remove(RollupCell.Key k) {
        TreeMap<Instant, Map<String, RollupCell>> buckets = byGroup.get(k.group());
        Map<String, RollupCell> keys = buckets == null ? null : buckets.get(k.bucket());
        if (keys != null && keys.remove(k.key()) != null && keys.isEmpty()) {
            buckets.remove(k.bucket());
        }
        dirty.remove(k);
    }

    /** The keys of changed cells, as a copy the caller may walk while changing the cells. */
    List<RollupCell.Key> dirtyKeys() {
        return new ArrayList<>(dirty);
    }

    /** Every cell of {@code group} with a bucket in [{@code from}, {@code to}), only of {@code keys} when given. */
    void forEach(String group, Collection<String> keys, Instant from, Instant to,
                 BiConsumer<RollupCell.Key, RollupCell> action) {
        TreeMap<Instant, Map<String, RollupCell>> buckets = byGroup.get(group);
        if (buckets == null || !from.isBefore(to)) {
            return;
        }
        for (Map.Entry<Instant, Map<String, RollupCell>> b : buckets.subMap(from, true, to, false).entrySet()) {
            if (keys == null) {
                b.getValue().forEach((key, c) -> action.accept(new RollupCell.Key(group, b.getKey(), key), c));
            } else {
                for (String key : keys) {
                    RollupCell c = b.getValue().get(key);
                    if (c != null) {
                        action.accept(new RollupCell.Key(group, b.getKey(), key), c);
                    }
                }
            }
        }
    }

    /** Adds up messages and errors per key of {@code group} over buckets in [{@code from}, {@code to}). */
    void sumCounts(String group, Instant from, Instant to, Map<String, long[]> into) {
        TreeMap<Instant, Map<String, RollupCell>> buckets = byGroup.get(group);
        if (buckets == null || !from.isBefore(to)) {
            return;
        }
        for (Map<String, RollupCell> keys : buckets.subMap(from, true, to, false).values()) {
            keys.forEach((key, c) -> {
                long[] sum = into.computeIfAbsent(key, k -> new long[2]);
                sum[0] += c.count;
                sum[1] += c.errors;
            });
        }
    }

    /** Drops the written, whole cells of {@code groups} with buckets before {@code before}. */
    void evictBefore(Collection<String> groups, Instant before) {
        for (String g : groups) {
            TreeMap<Instant, Map<String, RollupCell>> buckets = byGroup.get(g);
            if (buckets == null) {
                continue;
            }
            NavigableMap<Instant, Map<String, RollupCell>> old = buckets.headMap(before, false);
            for (Iterator<Map<String, RollupCell>> it = old.values().iterator(); it.hasNext(); ) {
                Map<String, RollupCell> keys = it.next();
                keys.values().removeIf(c -> c.complete && !c.dirty);
                if (keys.isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    void clear() {
        byGroup.clear();
        dirty.clear();
    }
}
