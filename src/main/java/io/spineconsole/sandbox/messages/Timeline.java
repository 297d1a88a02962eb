package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's hop timeline as stored: in the message's own row, one line per event, appended to as
 * the message progresses. Events are only ever read with their message, so a row of their own per
 * event (3 to 4 per message, with a primary key to maintain) cost the ingest four rows for one.
 *
 * <p>A line is {@code seq TAB status TAB code TAB description TAB site TAB epoch-millis TAB attempt};
 * an absent code or description is {@code \N}; a backslash, tab, carriage return or line feed inside
 * a text is written {@code \\}, {@code \t}, {@code \r}, {@code \n}. Every line ends with a line feed,
 * so appending events is concatenation.
 */
final class Timeline {
    private static final String NULL = "\\N";

    private Timeline() {
    }

    /** The lines for {@code events}, to store or to append to what is stored. */
    static String encode(List<MessageEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 120);
        for (MessageEvent e : events) {
            out.append(e.seq()).append('\t').append(e.status().code()).append('\t');
            text(out, e.code());
            out.append('\t');
            text(out, e.description());
            out.append('\t');
            text(out, e.site());
            out.append('\t').append(e.at().toEpochMilli()).append('\t').append(e.attempt()).append('\n');
        }
        return out.toString();
    }

    private static void text(StringBuilder out, String s) {
        if (s == null) {
            out.append(NULL);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** The events stored in {@code text}, in order; none for null or empty text. */
    static List<MessageEvent> decode(String text) {
        List<MessageEvent> events = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return events;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                events.add(line(text.substring(start, end)));
            }
            start = end + 1;
        }
        return events;
    }

    /** How many events {@code text} holds, without decoding them. */
    static int count(String text) {
        if (text == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static MessageEvent line(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalStateException("A stored timeline line has " + f.length + " fields, not 7");
        }
        return new MessageEvent(Integer.parseInt(f[0]), Coded.fromCode(MessageStatus.class, f[1]), unescape(f[2]),
                unescape(f[3]), unescape(f[4]), Instant.ofEpochMilli(Long.parseLong(f[5])), Integer.parseInt(f[6]));
    }

    private static String unescape(String s) {
        if (s.equals(NULL)) {
            return null;
        }
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
