package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV that ingest COPYs into PostgreSQL: what each value becomes (the stores' contract tests read it back). */
class CopyCsvTest {
    private static String row(Object... values) {
        StringBuilder out = new StringBuilder();
        MessageIngest.Csv.row(out, values);
        return out.toString();
    }

    @Test
    void nullIsAnEmptyFieldTextIsQuotedAndItsQuotesDoubled() {
        UUID id = UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        assertEquals(id + ",,\"\",\"plain\",\"say \"\"hi\"\" and \"\"bye\"\"\",\"\"\"\",42,-7\n",
                row(id, null, "", "plain", "say \"hi\" and \"bye\"", "\"", 42, -7L));
        assertEquals("\"two\nlines, a comma\"\n", row("two\nlines, a comma"), "quotes keep line breaks and commas");
    }

    @Test
    void anInstantIsUtcToTheMicrosecondAndReadsBackAsTheSameInstant() {
        for (String text : new String[] {"2026-12-07T16:36:12.123456789Z", "2026-01-01T00:00:00Z",
                "2024-02-29T23:59:59.000001Z", "1999-12-31T09:05:03.100Z", "2026-07-04T12:00:00.999999999Z"}) {
            Instant instant = Instant.parse(text);
            String written = row(instant);
            assertEquals(28, written.length(), written);
            assertEquals(instant.truncatedTo(ChronoUnit.MICROS), Instant.parse(written.strip()), text);
        }
        assertEquals("2026-12-07T16:36:12.000000Z\n", row(Instant.parse("2026-12-07T16:36:12Z")));
    }

    @Test
    void anInstantBeyondFourDigitYearsKeepsTheStandardForm() {
        Instant far = Instant.parse("+12026-01-01T00:00:00.5Z");
        assertEquals(far + "\n", row(far));
    }
}
