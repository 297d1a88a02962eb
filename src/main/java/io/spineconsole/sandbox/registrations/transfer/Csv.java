package io.spineconsole.sandbox.registrations.transfer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes; CRLF, LF or CR line ends. */
final class Csv {
    /** One row with the 1-based line number it starts on. */
    record Row(int line, List<String> cells) {
    }

    private Csv() {
    }

    /**
     * Reads rows one at a time from a stream of text, holding only the row being read. A byte-order mark
     * at the start is skipped; a line with nothing on it is no row.
     */
    static final class RowReader {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int position;
        private int length;
        private int line = 1;
        private boolean started;

        RowReader(Reader in) {
            this.in = in;
        }

        /**
         * The next row, or null at the end of the text.
         *
         * @throws UnreadableFile when a quoted field is never closed
         */
        Row next() throws IOException {
            if (!started) {
                started = true;
                if (peek() == '\uFEFF') {
                    position++;
                }
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int rowLine = line;
            for (int ch = read(); ch >= 0; ch = read()) {
                if (quoted) {
                    if (ch == '"') {
                        if (peek() == '"') {
                            cell.append('"');
                            position++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        cell.append((char) ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                    any = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r' && peek() == '\n') {
                        position++;
                    }
                    line++;
                    if (any || cell.length() > 0) {
                        cells.add(cell.toString());
                        return new Row(rowLine, List.copyOf(cells));
                    }
                    rowLine = line;
                } else {
                    cell.append((char) ch);
                    any = true;
                }
            }
            if (quoted) {
                throw new UnreadableFile("", "A quoted field starting on line " + rowLine + " is never closed.");
            }
            if (any || cell.length() > 0) {
                cells.add(cell.toString());
                return new Row(rowLine, List.copyOf(cells));
            }
            return null;
        }

        private int read() throws IOException {
            int ch = peek();
            if (ch >= 0) {
                position++;
            }
            return ch;
        }

        private int peek() throws IOException {
            if (position == length) {
                length = in.read(buffer, 0, buffer.length);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return -1;
                }
            }
            return buffer[position];
        }
    }

    /** One row as a CSV line, quoting the cells that need it, with a CRLF line end. */
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
