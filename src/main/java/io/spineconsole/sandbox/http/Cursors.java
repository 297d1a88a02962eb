package io.spineconsole.sandbox.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Opaque keyset cursors: the sort key of the last row served, plus a fingerprint of the filter
 * and sort it was made for, so a cursor cannot be replayed against a different search.
 *
 * @deprecated stores take and make {@link io.spineconsole.sandbox.paging.PageCursor} instead; kept only
 * for sandbox.registrations, and removed when sandbox-registrations merges.
 */
@Deprecated(forRemoval = true)
public final class Cursors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Cursors() {
    }

    /** @param scope the filter and sort the page was made for, as text (any stable encoding) */
    public static String encode(String scope, List<String> lastKey) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(Map.of("s", Integer.toHexString(scope.hashCode()), "k", lastKey));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last row's key, or a 400 when the cursor is malformed or was made for another search. */
    public static List<String> decode(String cursor, String scope) {
        try {
            Map<String, Object> value = MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, Object>>() { });
            if (!Integer.toHexString(scope.hashCode()).equals(value.get("s"))) {
                throw ProblemException.badParameter("query.cursor", "CURSOR_MISMATCH",
                        "This cursor belongs to a different search. Start again without a cursor.");
            }
            @SuppressWarnings("unchecked")
            List<String> key = (List<String>) value.get("k");
            if (key == null) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.badParameter("query.cursor", "INVALID_CURSOR",
                    "The cursor is not one this server issued. Pass nextCursor back unchanged.");
        }
    }
}
