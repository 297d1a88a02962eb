package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The stored text of a histogram reads back to the same counts. */
class LatencyHistogramTest {
    @Test
    void whatIsWrittenReadsBackTheSame() {
        LatencyHistogram h = new LatencyHistogram();
        for (long ms : new long[] {1, 10, 11, 95, 2_500, 2_500, 299_999, 300_001, 9_999_999}) {
            h.add(ms);
        }
        h.counts[3] = 12_345_678_901L;
        LatencyHistogram back = LatencyHistogram.decode(h.encode());
        assertArrayEquals(h.counts, back.counts);
        assertEquals(h.total(), back.total());
    }

    @Test
    void emptyOrShortTextCountsNothingMissingAndMoreCountsAreIgnored() {
        assertEquals(0, LatencyHistogram.decode(null).total());
        assertEquals(0, LatencyHistogram.decode("").total());
        LatencyHistogram shortOne = LatencyHistogram.decode("4,0,7");
        assertEquals(4, shortOne.counts[0]);
        assertEquals(7, shortOne.counts[2]);
        assertEquals(11, shortOne.total());
        String tooMany = "1,".repeat(LatencyHistogram.BOUNDS.length + 5) + "1";
        assertEquals(LatencyHistogram.BOUNDS.length + 1, LatencyHistogram.decode(tooMany).total());
    }

    @Test
    void textThatIsNotCountsIsRefused() {
        assertThrows(NumberFormatException.class, () -> LatencyHistogram.decode("1,x,3"));
        assertThrows(NumberFormatException.class, () -> LatencyHistogram.decode("1,-2"));
    }
}
