package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.sandbox.paging.PageCursor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of endpoint health rows and the keyset cursor over it. Each row's sort key is a few
 * numbers (smallest first, so each sort starts from its troubling end), a name and the row's
 * identity; a cursor carries the last row's key, so the next page starts after it however the rows
 * moved in between.
 */
final class HealthOrder {
    /** A row's place in the order. */
    record Key(double[] numbers, String name, String id) {
        List<String> text() {
            List<String> out = new ArrayList<>();
            for (double n : numbers) {
                out.add(Double.toString(n));
            }
            out.add(name);
            out.add(id);
            return out;
        }

        static Key of(List<String> text) {
            double[] numbers = new double[text.size() - 2];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = Double.parseDouble(text.get(i));
            }
            return new Key(numbers, text.get(text.size() - 2), text.get(text.size() - 1));
        }
    }

    private static final double NONE = Double.MAX_VALUE;
    private static final Comparator<Key> NATURAL = (a, b) -> {
        for (int i = 0; i < Math.min(a.numbers.length, b.numbers.length); i++) {
            int c = Double.compare(a.numbers[i], b.numbers[i]);
            if (c != 0) {
                return c;
            }
        }
        int c = a.name.compareTo(b.name);
        return c != 0 ? c : a.id.compareTo(b.id);
    };

    private final HealthSort sort;
    private final Comparator<Key> order;

    HealthOrder(HealthSort sort, boolean reverse) {
        this.sort = sort;
        this.order = reverse ? NATURAL.reversed() : NATURAL;
    }

    /** The identity of a row: its endpoint, or its organisation's ODS code. */
    static String id(EndpointHealth h) {
        return h.kind() == HealthGroup.ENDPOINT ? h.endpointId().toString() : h.odsCode();
    }

    Key key(EndpointHealth h) {
        double[] n = switch (sort) {
            case WORST -> new double[] {-h.inTrouble(), -h.errorRate(), -h.inFlight(), -h.received()};
            case RECEIVED -> new double[] {-h.received()};
            case FAILED -> new double[] {-h.failed(), -h.errorRate()};
            case ERROR_RATE -> new double[] {-h.errorRate(), -h.received()};
            case P95 -> new double[] {h.p95Ms() == null ? NONE : -h.p95Ms()};
            case IN_FLIGHT -> new double[] {-h.inFlight()};
            case OLDEST_WAITING -> new double[] {h.oldestWaiting() == null ? NONE : h.oldestWaiting().toEpochMilli()};
            case LAST_SUCCESS -> new double[] {h.lastSuccess() == null ? NONE : h.lastSuccess().toEpochMilli()};
            case NAME -> new double[0];
        };
        String name = sort != HealthSort.NAME ? ""
                : h.kind() == HealthGroup.ENDPOINT && h.partyKey() != null ? h.partyKey() : h.odsCode();
        return new Key(n, name, id(h));
    }

    /** The order of rows' keys. */
    Comparator<Key> keys() {
        return order;
    }

    /** Whether a row (by its key) comes after the cursor's row. */
    boolean after(Key row, Key last) {
        return order.compare(row, last) > 0;
    }

    /** The cursor's last key, refused (400) when it is not one of ours or was made for another search. */
    static Key decode(PageCursor cursor, String search) {
        return cursor.lastKeyFor(search, text -> {
            if (text.size() < 2) {
                throw new IllegalArgumentException("short key");
            }
            return Key.of(text);
        });
    }
}
