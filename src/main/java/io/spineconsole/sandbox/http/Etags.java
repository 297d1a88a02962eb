package io.spineconsole.sandbox.http;

import io.javalin.http.Context;
import io.spineconsole.sandbox.outcome.Version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency: every record's ETag is its version, strong and quoted. An update must
 * send the version it read in {@code If-Match}: none gets 428, a stale one 412 with the current record.
 */
public final class Etags {
    private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client says it read, from {@code If-Match}. */
    public static long requireIfMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "PRECONDITION_REQUIRED", "Precondition required",
                    "Send the record's ETag in If-Match, so that an edit never overwrites someone else's.");
        }
        Matcher m = STRONG.matcher(header.trim());
        if (!m.matches()) {
            throw ProblemException.badParameter("header.If-Match", "INVALID_ETAG",
                    "If-Match must be one strong ETag as the server sent it, for example \"3\" (not * or W/).");
        }
        return Long.parseLong(m.group(1));
    }

    /** The version the client read, from {@code If-Match}, as the store takes it. */
    public static Version ifMatch(Context ctx) {
        return new Version(requireIfMatch(ctx));
    }
}
