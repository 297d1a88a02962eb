package io.spineconsole.sandbox.registrations;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes; CRLF or LF line ends. */
final class Csv {
    /** One data row with the 1-based line number it starts on. */
    record Row(int line, List<String> cells) {
    }

    private Csv() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowLine = 1;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    cells.add(cell.toString());
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("A quoted field starting on line " + rowLine + " is never closed.");
        }
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

    static String line(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            String v = c == null ? "" : c;
            boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
            out.add(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", out) + "\r\n";
    }
}
