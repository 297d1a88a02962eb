package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Adding up a grouping's cells over a window: one key at a time agrees with the map of sums. */
class RollupCellsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void eachSumAddsUpEveryKeyOnceOverFewBucketsAndMany() {
        RollupCells cells = new RollupCells();
        Random random = new Random(7);
        for (int hour = 0; hour < 8; hour++) {
            for (int k = 0; k < 300; k++) {
                if (random.nextInt(3) > 0) {  // keys come and go between buckets
                    RollupCell c = new RollupCell(true);
                    c.count = 1 + random.nextInt(50);
                    c.errors = random.nextInt((int) c.count + 1);
                    cells.put(new RollupCell.Key("endpoint-hour", T0.plus(Duration.ofHours(hour)), "e" + k), c);
                }
            }
        }
        cells.put(new RollupCell.Key("site", T0, "e1"), new RollupCell(9, 9, new LatencyHistogram(), true));
        for (int hours : new int[] {1, 2, 3, 4, 8}) {  // up to 3 buckets added up in place, more through a map
            Instant to = T0.plus(Duration.ofHours(hours));
            Map<String, long[]> expected = new HashMap<>();
            cells.sumCounts("endpoint-hour", T0, to, expected);
            Map<String, long[]> got = new HashMap<>();
            cells.eachSum("endpoint-hour", T0, to, (key, messages, errors) ->
                    assertNull(got.put(key, new long[] {messages, errors}), key + " handed over twice"));
            assertEquals(expected.keySet(), got.keySet(), hours + " h");
            expected.forEach((key, sum) -> assertArrayEquals(sum, got.get(key), key + " over " + hours + " h"));
        }
        Map<String, long[]> none = new HashMap<>();
        cells.eachSum("endpoint-hour", T0, T0, (key, m, e) -> none.put(key, null));
        cells.eachSum("interaction", T0, T0.plusSeconds(3_600), (key, m, e) -> none.put(key, null));
        assertEquals(Map.of(), none, "an empty window or an unknown grouping hands over nothing");
    }
}
