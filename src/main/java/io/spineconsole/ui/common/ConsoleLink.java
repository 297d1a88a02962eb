package io.spineconsole.ui.common;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A place in the console a colleague can be sent to, as text they can paste:
 * {@code spine-console://messages/search?status=failed&ods=RR8}. The workspace is the link's host;
 * the path and parameters are the workspace's own (each workspace documents what it accepts).
 * Links never carry a server address or a token: they open in whatever environment the reader is on.
 */
public record ConsoleLink(String workspace, String path, Map<String, String> params) {
    public static final String SCHEME = "spine-console";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public ConsoleLink {
        Objects.requireNonNull(workspace, "workspace");
        if (!NAME.matcher(workspace).matches()) {
            throw new IllegalArgumentException("A workspace name is lower-case letters, digits and dashes: " + workspace);
        }
        path = path == null ? "" : stripSlashes(path);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    public static ConsoleLink of(String workspace, String path) {
        return new ConsoleLink(workspace, path, Map.of());
    }

    /** A copy with one more parameter; a blank value is left out. */
    public ConsoleLink with(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new ConsoleLink(workspace, path, copy);
    }

    /** A parameter, or empty when it is absent or blank. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank());
    }

    /** Reads a pasted link; anything else (a bare id, a web address, garbage) is empty. */
    public static Optional<ConsoleLink> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        String prefix = SCHEME + "://";
        if (!s.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String rest = s.substring(prefix.length());
        int q = rest.indexOf('?');
        String where = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        int slash = where.indexOf('/');
        String workspace = (slash < 0 ? where : where.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
        String path = slash < 0 ? "" : where.substring(slash + 1);
        if (!NAME.matcher(workspace).matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
        }
        return Optional.of(new ConsoleLink(workspace, URLDecoder.decode(path, StandardCharsets.UTF_8), params));
    }

    /** The link as text, to copy and paste. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(SCHEME).append("://").append(workspace);
        if (!path.isEmpty()) {
            s.append('/').append(encodePath(path));
        }
        if (!params.isEmpty()) {
            s.append('?').append(params.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return s.toString();
    }

    private static String encodePath(String path) {
        return java.util.Arrays.stream(path.split("/")).map(ConsoleLink::encode).collect(Collectors.joining("/"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
