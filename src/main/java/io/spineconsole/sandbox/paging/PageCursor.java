package io.spineconsole.sandbox.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.sandbox.outcome.Invalid;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A keyset cursor: the sort key of the last row served, and a fingerprint of the search (filter and
 * sort) it was made for, so that a cursor cannot be replayed against a different search. Stores take
 * and make these; the text form ({@link #encode}, {@link #decode}) is what crosses the wire, opaque
 * to clients.
 */
public final class PageCursor {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String searchHash;
    private final List<String> lastKey;

    private PageCursor(String searchHash, List<String> lastKey) {
        this.searchHash = searchHash;
        this.lastKey = lastKey;
    }

    /**
     * The cursor for the page after the row whose sort key is {@code lastKey}, in the search that
     * {@code search} describes (any stable text form of its filter and sort).
     */
    public static PageCursor after(String search, List<String> lastKey) {
        return new PageCursor(hash(search), new ArrayList<>(lastKey));
    }

    /**
     * The last row's key, as long as this cursor was made for {@code search}; otherwise the request
     * is {@link Invalid}: the cursor belongs to another search.
     */
    public List<String> lastKeyFor(String search) {
        if (!hash(search).equals(searchHash)) {
            throw Invalid.parameter("query.cursor", "CURSOR_MISMATCH",
                    "This cursor belongs to a different search. Start again without a cursor.");
        }
        return java.util.Collections.unmodifiableList(lastKey);
    }

    /**
     * The last row's key as the store reads it, as long as this cursor was made for {@code search}: a
     * key that {@code read} cannot make sense of is {@link Invalid}, a cursor this server did not issue.
     */
    public <T> T lastKeyFor(String search, Function<List<String>, T> read) {
        List<String> key = lastKeyFor(search);
        try {
            return read.apply(key);
        } catch (RuntimeException e) {
            throw notIssued();
        }
    }

    /** The last row's key of a cursor whose search the store does not fingerprint (a job's item list). */
    public List<String> lastKey() {
        return java.util.Collections.unmodifiableList(lastKey);
    }

    /** The opaque text form sent to clients as {@code nextCursor}. */
    public String encode() {
        try {
            byte[] json = MAPPER.writeValueAsBytes(Map.of("s", searchHash, "k", lastKey));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a cursor a client sent back; one this server did not issue is {@link Invalid}. */
    public static PageCursor decode(String text) {
        try {
            Map<String, Object> value = MAPPER.readValue(Base64.getUrlDecoder().decode(text),
                    new TypeReference<Map<String, Object>>() { });
            Object search = value.get("s");
            Object key = value.get("k");
            if (!(search instanceof String s) || !(key instanceof List<?> list)) {
                throw new IllegalArgumentException("not a cursor");
            }
            List<String> lastKey = new ArrayList<>();
            for (Object part : list) {
                if (part != null && !(part instanceof String)) {
                    throw new IllegalArgumentException("not a cursor");
                }
                lastKey.add((String) part);
            }
            return new PageCursor(s, lastKey);
        } catch (RuntimeException | java.io.IOException e) {
            throw notIssued();
        }
    }

    /** The answer to a cursor this server did not issue (or one whose key no longer makes sense). */
    public static Invalid notIssued() {
        return Invalid.parameter("query.cursor", "INVALID_CURSOR",
                "The cursor is not one this server issued. Pass nextCursor back unchanged.");
    }

    private static String hash(String search) {
        return Integer.toHexString(search.hashCode());
    }
}
