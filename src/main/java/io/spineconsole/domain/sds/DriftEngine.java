package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.RecordType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The machinery every drift comparison shares, in one pass over each side and keyed maps (never
 * every record against every other): our records are indexed as they are given ({@link #ours}),
 * compactly, with repeated text (interactions, codes) kept once; SDS's records are then streamed
 * through ({@link #published}) and matched by key as they come, so a whole extract never has to be
 * in memory. A record SDS publishes that matches none of ours is reported at once (missing here);
 * the rest is settled by {@link #finish()}: ours that nothing matched (missing in SDS) and ours that
 * differ. SDS may publish one of our records as several parts (an MHS record per interaction): their
 * interactions are taken together.
 *
 * <p>Not thread-safe: feed it from one thread (one page after another).
 *
 * @param <O> our record
 * @param <P> SDS's record
 * @param <E> what is kept of one of ours
 */
abstract class DriftEngine<O, P, E extends DriftEngine.Entry> {
    private final RecordType type;
    private final DriftScope scope;
    private final Consumer<DriftRow> rows;
    private final Map<String, String> interned = new HashMap<>();
    private final List<E> entries = new ArrayList<>();
    private final EnumMap<DriftField, Long> byField = new EnumMap<>(DriftField.class);
    private long published;
    private long missingHere;
    private boolean finished;

    /** What is kept of one of our records, and what SDS said about it so far. */
    abstract static class Entry {
        final String ourId;
        final String odsCode;
        final String[] interactions;
        String sdsId;
        int parts;
        String[] publishedInteractions;
        Set<String> publishedUnion;
        List<Difference> differences;

        Entry(String ourId, String odsCode, String[] interactions) {
            this.ourId = ourId;
            this.odsCode = odsCode;
            this.interactions = interactions;
        }

        /** What identifies the record to a person (made when a row is, not kept). */
        abstract String key();

        /** Records a difference, unless one is already recorded for the field (an earlier part's). */
        void differ(DriftField field, String ours, String published) {
            differ(Difference.of(field, ours, published));
        }

        void differ(Difference d) {
            if (differences == null) {
                differences = new ArrayList<>(2);
            }
            for (Difference existing : differences) {
                if (existing.field() == d.field()) {
                    return;
                }
            }
            differences.add(d);
        }
    }

    DriftEngine(RecordType type, DriftScope scope, Consumer<DriftRow> rows) {
        this.type = type;
        this.scope = scope == null ? DriftScope.everything() : scope;
        this.rows = rows;
    }

    /** What to keep of one of ours; the interactions through {@link #intern(List)}. */
    abstract E entry(O ours);

    abstract boolean oursInScope(DriftScope scope, O ours);

    abstract boolean publishedInScope(DriftScope scope, P published);

    /** Makes the entry findable by each of its keys. */
    abstract void index(E entry);

    /** The entry a published record is the same record as, or null. */
    abstract E find(P published);

    abstract String sdsId(P published);

    abstract List<String> interactions(P published);

    /** Compares one published part with ours; {@code firstPart} is false for further parts. */
    abstract void compare(E entry, P published, boolean firstPart);

    /** Settles what can only be judged once every part has been seen. */
    void settle(E entry) {
    }

    abstract DriftRow missingHere(P published);

    /** Adds one of our records to the comparison; records outside the scope are left out. */
    public final void ours(O record) {
        requireOpen();
        if (record == null || !oursInScope(scope, record)) {
            return;
        }
        E e = entry(record);
        entries.add(e);
        index(e);
    }

    /** Compares one record SDS publishes; one that matches none of ours is reported at once. */
    public final void published(P record) {
        requireOpen();
        if (record == null || !publishedInScope(scope, record)) {
            return;
        }
        published++;
        E e = find(record);
        if (e == null) {
            missingHere++;
            rows.accept(missingHere(record));
            return;
        }
        boolean first = e.parts == 0;
        e.parts++;
        if (first) {
            e.sdsId = sdsId(record);
            e.publishedInteractions = intern(interactions(record));
        } else {
            if (e.publishedUnion == null) {
                e.publishedUnion = new LinkedHashSet<>(List.of(e.publishedInteractions));
            }
            for (String i : intern(interactions(record))) {
                e.publishedUnion.add(i);
            }
        }
        compare(e, record, first);
    }

    /** Reports ours that SDS does not publish and ours that differ, and gives the counts. Call once. */
    public final DriftCounts finish() {
        requireOpen();
        finished = true;
        long same = 0;
        long different = 0;
        long missingInSds = 0;
        for (E e : entries) {
            if (e.parts == 0) {
                missingInSds++;
                rows.accept(new DriftRow(type, DriftStatus.MISSING_IN_SDS, e.key(), e.odsCode, e.ourId, null, List.of()));
                continue;
            }
            settle(e);
            compareInteractions(e);
            if (e.differences == null) {
                same++;
                continue;
            }
            different++;
            for (Difference d : e.differences) {
                byField.merge(d.field(), 1L, Long::sum);
            }
            rows.accept(new DriftRow(type, DriftStatus.DIFFERENT, e.key(), e.odsCode, e.ourId, e.sdsId, e.differences));
        }
        return new DriftCounts(type, entries.size(), published, same, different, missingInSds, missingHere, byField);
    }

    private void compareInteractions(E e) {
        Set<String> theirs = e.publishedUnion != null ? e.publishedUnion : new LinkedHashSet<>(List.of(e.publishedInteractions));
        Set<String> mine = new LinkedHashSet<>(List.of(e.interactions));
        if (mine.equals(theirs)) {
            return;
        }
        List<String> onlyHere = new ArrayList<>();
        for (String i : mine) {
            if (!theirs.contains(i)) {
                onlyHere.add(i);
            }
        }
        List<String> onlyInSds = new ArrayList<>();
        for (String i : theirs) {
            if (!mine.contains(i)) {
                onlyInSds.add(i);
            }
        }
        e.differ(Difference.interactions(onlyHere, onlyInSds));
    }

    /** The values trimmed, blanks dropped, each distinct text kept once across the comparison. */
    final String[] intern(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            String t = SdsValues.blankToNull(v);
            if (t != null) {
                out.add(intern(t));
            }
        }
        return out.toArray(new String[0]);
    }

    final String intern(String value) {
        if (value == null) {
            return null;
        }
        String kept = interned.putIfAbsent(value, value);
        return kept == null ? value : kept;
    }

    final RecordType type() {
        return type;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("This drift comparison is finished.");
        }
    }
}
