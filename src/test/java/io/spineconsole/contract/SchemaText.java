package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What openapi.yaml says about a schema in words: its description, its enum codes, and the table a
 * description holds (rules such as which statuses are terminal are tabled there), so a test can
 * hold the code to the document.
 */
public final class SchemaText {
    private SchemaText() {
    }

    /** The description of {@code components/schemas/<schema>}, its lines joined by spaces. */
    public static String description(String schema) {
        return node(schema).path("description").asText().replace('\n', ' ').replaceAll(" {2,}", " ");
    }

    /** The schema's enum, in the document's order. */
    public static List<String> enumCodes(String schema) {
        List<String> codes = new ArrayList<>();
        node(schema).path("enum").forEach(n -> codes.add(n.asText()));
        if (codes.isEmpty()) {
            throw new IllegalStateException(schema + " has no enum in openapi.yaml");
        }
        return codes;
    }

    /**
     * The rows of the markdown table in the schema's description, each as column title to cell, with
     * the backticks around codes taken off.
     */
    public static List<Map<String, String>> table(String schema) {
        List<String> lines = node(schema).path("description").asText().lines()
                .filter(l -> l.trim().startsWith("|")).toList();
        if (lines.size() < 3) {
            throw new IllegalStateException(schema + "'s description holds no table");
        }
        List<String> titles = cells(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < titles.size(); i++) {
                row.put(titles.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.trim().replace("`", ""));
        }
        return cells;
    }

    private static JsonNode node(String schema) {
        return OpenApiContract.get().at("/components/schemas/" + schema);
    }
}
