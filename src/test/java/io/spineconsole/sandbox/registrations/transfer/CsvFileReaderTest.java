package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.RegistrationFileType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV files: RFC 4180 rows read one at a time, the header judged, and whole-file refusals in the order of reading it whole. */
class CsvFileReaderTest {

    @Test
    void readsQuotedCellsLineBreaksInsideQuotesAndEveryLineEnd() throws Exception {
        Csv.RowReader rows = new Csv.RowReader(new StringReader("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                + "\n  \rlast,,\r"));

        assertEquals(new Csv.Row(1, List.of("a", "b", "c")), rows.next(), "the byte-order mark is not part of the header");
        assertEquals(new Csv.Row(2, List.of("x, y", "say \"hi\"", "two\nlines")), rows.next());
        assertEquals(new Csv.Row(5, List.of("  ")), rows.next(), "an empty line is no row; blanks are a cell");
        assertEquals(new Csv.Row(6, List.of("last", "", "")), rows.next());
        assertNull(rows.next());
    }

    @Test
    void whatCsvLineWritesTheReaderReadsBack() throws Exception {
        List<String> cells = Arrays.asList("plain", "with, comma", "with \"quotes\"", "two\r\nlines", "", null);
        Csv.RowReader rows = new Csv.RowReader(new StringReader(Csv.line(cells) + Csv.line(List.of("next"))));

        assertEquals(Arrays.asList("plain", "with, comma", "with \"quotes\"", "two\r\nlines", "", ""), rows.next().cells());
        assertEquals(new Csv.Row(3, List.of("next")), rows.next(), "the line count goes on after a line break in quotes");
    }

    @Test
    void handsOverEachRowWithItsCellsByColumn() throws Exception {
        List<CsvFileReader.CsvEntry> entries = read(RegistrationFileType.ORGANISATIONS,
                "name, odsCode ,kind,status\nGreen Lane, RR8 ,gp-practice,active\nshort,row\n");

        assertEquals(2, entries.size());
        Map<String, String> first = new HashMap<>();
        first.put("name", "Green Lane");
        first.put("odsCode", "RR8");
        first.put("kind", "gp-practice");
        first.put("status", "active");
        assertEquals(new CsvFileReader.CsvEntry(0, 2, first, 4, 4), entries.get(0));
        assertEquals(2, entries.get(1).cellCount());
        assertEquals(4, entries.get(1).columns());
        assertEquals(3, entries.get(1).line());
    }

    @Test
    void emptyCellsAreAbsent() throws Exception {
        CsvFileReader.CsvEntry row = read(RegistrationFileType.ORGANISATIONS, "odsCode,postcode\nRR8,  \n").get(0);

        assertTrue(row.cells().containsKey("postcode"));
        assertNull(row.cells().get("postcode"));
    }

    @Test
    void refusesAFileWithoutAHeaderRowOrWithAColumnItDoesNotKnowOrNamesTwice() {
        assertRefused(RegistrationFileType.ORGANISATIONS, "", "", "The CSV file needs a header row.");
        assertRefused(RegistrationFileType.ORGANISATIONS, "\r\n\n", "", "The CSV file needs a header row.");
        assertRefused(RegistrationFileType.ORGANISATIONS, "odsCode,colour\nRR8,red\n", "column.colour",
                "Unknown column 'colour'. A organisations file has: odsCode, name, kind, parentOdsCode, postcode.");
        assertRefused(RegistrationFileType.ORGANISATIONS, "odsCode,id\n", "column.id", "Unknown column 'id'. A organisations "
                + "file has: odsCode, name, kind, parentOdsCode, postcode.");
        assertRefused(RegistrationFileType.ORGANISATIONS, "odsCode,name,odsCode\n", "",
                "A column is named twice in the header row.");
    }

    @Test
    void aBadHeaderHandsOverNoRowButTheWholeFileIsStillRead() {
        List<CsvFileReader.CsvEntry> entries = new ArrayList<>();
        UnreadableFile e = assertThrows(UnreadableFile.class, () -> CsvFileReader.read(utf8("colour\nred\n\"open"),
                RegistrationFileType.ORGANISATIONS, entries::add));

        assertEquals("A quoted field starting on line 3 is never closed.", e.getMessage(),
                "a field never closed, further on, comes before the unknown column");
        assertEquals(List.of(), entries);
    }

    @Test
    void notUtf8AnywhereComesFirst() {
        byte[] start = "colour\nred\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(start);
        body.writeBytes(new byte[] {'"', (byte) 0xC3, (byte) 0x28});
        UnreadableFile e = assertThrows(UnreadableFile.class, () -> CsvFileReader.read(
                new ByteArrayInputStream(body.toByteArray()), RegistrationFileType.ORGANISATIONS, row -> { }));

        assertEquals("The CSV file must be UTF-8.", e.getMessage());
        assertEquals("", e.field());
    }

    @Test
    void handsEachRowOverAsSoonAsItIsRead() throws Exception {
        int count = 200_000;
        long[] produced = {0};
        long[] producedAtFirstRow = {-1};
        int[] rows = {0};
        InputStream body = new InputStream() {
            private byte[] line = "odsCode,name\n".getBytes(StandardCharsets.UTF_8);
            private int position;
            private int next;

            @Override
            public int read() {
                if (position == line.length) {
                    if (next == count) {
                        return -1;
                    }
                    line = ("A" + next + ",Practice number " + next + "\r\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                    next++;
                }
                produced[0]++;
                return line[position++] & 0xFF;
            }
        };
        CsvFileReader.read(body, RegistrationFileType.ORGANISATIONS, row -> {
            assertEquals("A" + row.index(), row.cells().get("odsCode"));
            if (rows[0]++ == 0) {
                producedAtFirstRow[0] = produced[0];
            }
        });

        assertEquals(count, rows[0]);
        assertTrue(produced[0] > 5_000_000, "the file was " + produced[0] + " bytes");
        assertTrue(producedAtFirstRow[0] > 0 && producedAtFirstRow[0] < 100_000,
                "the first row came after " + producedAtFirstRow[0] + " bytes");
    }

    @Test
    void readsAnEndpointRowAndNamesEachCellOfTheWrongType() {
        Map<String, String> cells = new HashMap<>();
        cells.put("partyKey", "RR8-1234567");
        cells.put("messagingPattern", "Async Reliable");
        cells.put("interactions", "urn:a | urn:b||");
        cells.put("retries", "three");
        cells.put("ackRequested", "sometimes");
        cells.put("certificateNotAfter", "next year");
        cells.put("mhsActor", "someone");
        List<FieldIssue> errors = new ArrayList<>();

        MhsEndpointChange change = CsvRecords.endpoint(cells, errors);

        assertEquals(MessagingPattern.ASYNC_RELIABLE, change.messagingPattern(), "patterns are read as catalogues write them");
        assertEquals(List.of("urn:a", "urn:b"), change.interactions());
        assertEquals(List.of("/reliability/retries", "column.ackRequested", "column.certificateNotAfter", "column.mhsActor"),
                errors.stream().map(FieldIssue::field).toList());
        assertEquals("column.certificateNotBefore", CsvRecords.csvField("/certificate/notBefore"));
        assertEquals("column.retries", CsvRecords.csvField("/reliability/retries"));
        assertEquals("column.interactions", CsvRecords.csvField("/interactions/2"));
    }

    private static void assertRefused(RegistrationFileType type, String body, String field, String message) {
        UnreadableFile e = assertThrows(UnreadableFile.class, () -> read(type, body), body);
        assertEquals(field, e.field(), body);
        assertEquals(message, e.getMessage(), body);
    }

    private static List<CsvFileReader.CsvEntry> read(RegistrationFileType type, String body) throws SQLException {
        List<CsvFileReader.CsvEntry> entries = new ArrayList<>();
        CsvFileReader.read(utf8(body), type, entries::add);
        return entries;
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
