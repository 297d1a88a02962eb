package io.spineconsole.ui.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a payload for reading: XML and JSON are indented when the server sent them on one line
 * (a payload already laid out is left as it is). Never changes a value, so masking stays intact.
 */
final class PayloadFormat {
    private static final String INDENT = "  ";

    private PayloadFormat() {
    }

    static String pretty(String contentType, String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String trimmed = body.strip();
        boolean alreadyLaidOut = trimmed.indexOf('\n') >= 0;
        if (alreadyLaidOut) {
            return body;
        }
        if (type.contains("json") || (!type.contains("xml") && (trimmed.startsWith("{") || trimmed.startsWith("[")))) {
            return json(trimmed);
        }
        if (type.contains("xml") || trimmed.startsWith("<")) {
            return xml(trimmed);
        }
        return body;
    }

    /** Indents JSON by its brackets, leaving strings untouched. */
    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + s.length() / 4);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    int next = nextNonSpace(s, i + 1);
                    if (next < s.length() && s.charAt(next) == close) {
                        out.append(c).append(close);
                        i = next;
                    } else {
                        depth++;
                        out.append(c).append('\n').append(INDENT.repeat(depth));
                    }
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    out.append('\n').append(INDENT.repeat(depth)).append(c);
                }
                case ',' -> out.append(",\n").append(INDENT.repeat(depth));
                case ':' -> out.append(": ");
                case ' ', '\t', '\r', '\n' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int nextNonSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Indents XML one element a line; an element holding only text stays on one line. */
    static String xml(String s) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '<') {
                int end = tagEnd(s, i);
                tokens.add(s.substring(i, end));
                i = end;
            } else {
                int next = s.indexOf('<', i);
                int end = next < 0 ? s.length() : next;
                String textPart = s.substring(i, end);
                if (!textPart.isBlank()) {
                    tokens.add(textPart.strip());
                }
                i = end;
            }
        }
        StringBuilder out = new StringBuilder(s.length() + s.length() / 3);
        int depth = 0;
        for (int t = 0; t < tokens.size(); t++) {
            String tok = tokens.get(t);
            boolean isTag = tok.startsWith("<");
            boolean closing = tok.startsWith("</");
            boolean special = tok.startsWith("<?") || tok.startsWith("<!");
            boolean selfClosing = tok.endsWith("/>");
            if (isTag && !closing && !special && !selfClosing && t + 2 < tokens.size()
                    && !tokens.get(t + 1).startsWith("<") && tokens.get(t + 2).startsWith("</")) {
                line(out, depth).append(tok).append(tokens.get(t + 1)).append(tokens.get(t + 2));
                t += 2;
                continue;
            }
            if (closing) {
                depth = Math.max(0, depth - 1);
                line(out, depth).append(tok);
            } else {
                line(out, depth).append(tok);
                if (isTag && !special && !selfClosing) {
                    depth++;
                }
            }
        }
        return out.toString();
    }

    /** The end of the tag starting at {@code start}, skipping '>' inside quoted attribute values, comments and CDATA. */
    private static int tagEnd(String s, int start) {
        if (s.startsWith("<!--", start)) {
            int end = s.indexOf("-->", start);
            return end < 0 ? s.length() : end + 3;
        }
        if (s.startsWith("<![CDATA[", start)) {
            int end = s.indexOf("]]>", start);
            return end < 0 ? s.length() : end + 3;
        }
        char quote = 0;
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return s.length();
    }

    private static StringBuilder line(StringBuilder out, int depth) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        return out.append(INDENT.repeat(depth));
    }
}
