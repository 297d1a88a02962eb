package io.spineconsole.ui.registrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Rows written as CSV (RFC 4180: a cell with a comma, quote or line break is quoted), the one way views export. */
final class CsvRows {
    private CsvRows() {
    }

    /** Writes a header line, then one line per row with the cells {@code cells} gives it. */
    static <T> void write(Path file, String header, List<T> rows, Function<T, List<String>> cells) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header + "\r\n");
            for (T row : rows) {
                w.write(String.join(",", cells.apply(row).stream().map(CsvRows::cell).toList()) + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
