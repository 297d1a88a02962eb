package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.domain.registrations.RegistrationFileType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file of one record type as it arrives, a row at a time: a header row naming the columns
 * (any order, each once, only those of the type), then one record per row. The file is judged as a
 * whole all the same, in the same order as if it had been read at once: not UTF-8 (anywhere in it)
 * comes first, then a quoted field never closed, no header row, an unknown or repeated column. Any of
 * those refuses the file ({@link UnreadableFile}) once it has been read to its end; rows are handed
 * over only while the header is sound.
 */
final class CsvFileReader {

    /**
     * One data row: its place among the data rows ({@code index}, from 0), the line it starts on, and its
     * cells by column (trimmed; an empty cell is absent). {@code cellCount} is how many cells it has, which
     * may differ from {@code columns}, the header's.
     */
    record CsvEntry(int index, int line, Map<String, String> cells, int cellCount, int columns) {
    }

    /** Receives the data rows in order. */
    @FunctionalInterface
    interface Rows {
        void row(CsvEntry row) throws SQLException;
    }

    private CsvFileReader() {
    }

    static void read(InputStream in, RegistrationFileType type, Rows rows) throws SQLException {
        try (BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            Csv.RowReader reader = new Csv.RowReader(text);
            Csv.Row first = reader.next();
            if (first == null) {
                throw new UnreadableFile("", "The CSV file needs a header row.");
            }
            List<String> header = first.cells().stream().map(String::trim).toList();
            UnreadableFile badHeader = headerProblem(type, header);
            int index = 0;
            for (Csv.Row row = reader.next(); row != null; row = reader.next()) {
                if (badHeader == null) {
                    rows.row(entry(index, row, header));
                }
                index++;
            }
            if (badHeader != null) {
                throw badHeader;
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableFile("", "The CSV file must be UTF-8.");
        } catch (IOException e) {
            throw new UnreadableFile("", "The body could not be read.");
        }
    }

    private static UnreadableFile headerProblem(RegistrationFileType type, List<String> header) {
        List<String> columns = CsvRecords.columns(type);
        Set<String> allowed = new HashSet<>(columns);
        allowed.add("status");
        if (type == RegistrationFileType.ENDPOINTS) {
            allowed.add("id");
        }
        for (String name : header) {
            if (!allowed.contains(name)) {
                return new UnreadableFile("column." + name, "Unknown column '" + name + "'. A " + type.code()
                        + " file has: " + String.join(", ", columns) + ".");
            }
        }
        if (new HashSet<>(header).size() != header.size()) {
            return new UnreadableFile("", "A column is named twice in the header row.");
        }
        return null;
    }

    private static CsvEntry entry(int index, Csv.Row row, List<String> header) {
        Map<String, String> cells = new HashMap<>();
        for (int k = 0; k < header.size() && k < row.cells().size(); k++) {
            String v = row.cells().get(k).trim();
            cells.put(header.get(k), v.isEmpty() ? null : v);
        }
        return new CsvEntry(index, row.line(), cells, row.cells().size(), header.size());
    }
}
