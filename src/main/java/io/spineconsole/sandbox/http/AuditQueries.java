package io.spineconsole.sandbox.http;

import io.javalin.http.Context;
import io.spineconsole.sandbox.AuditStore;
import io.spineconsole.sandbox.AuditStore.Subject;
import io.spineconsole.sandbox.paging.PageCursor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads audit searches from the request: {@code GET /api/v1/audit}'s filters, and the history route
 * every record type has ({@link #history(Context, AuditStore, String, String, Runnable, Subject...)}).
 */
public final class AuditQueries {
    private AuditQueries() {
    }

    /** The query of {@code GET /api/v1/audit}, read strictly from the request. */
    public static AuditStore.Query search(Context ctx) {
        QueryParams q = QueryParams.of(ctx, "entityType", "entityId", "actor", "action", "from", "to", "sort", "limit",
                "cursor");
        return filtered(q, q.integer("limit", 1, 500, 100), q.cursor());
    }

    /** What {@code GET /api/v1/audit/export} asks for: the search's filters, and at most how many entries. */
    record Export(AuditStore.Query query, int maxRows) {
    }

    /** The query of {@code GET /api/v1/audit/export}, read strictly; {@code page} entries are read at a time. */
    static Export export(Context ctx, int page) {
        QueryParams q = QueryParams.of(ctx, "entityType", "entityId", "actor", "action", "from", "to", "sort",
                "format", "maxRows");
        String format = q.string("format").orElse("ndjson");
        if (!format.equals("ndjson")) {
            throw ProblemException.badParameter("query.format", "ENUM", "format is ndjson (one entry a line).");
        }
        int maxRows = q.integer("maxRows", 1, 100_000, 10_000);
        return new Export(filtered(q, page, null), maxRows);
    }

    private static AuditStore.Query filtered(QueryParams q, int limit, PageCursor cursor) {
        String entityType = oneOf(q, "entityType", AuditStore.ENTITY_TYPES);
        String entityId = text(q, "entityId", 100);
        if (entityId != null && entityType == null) {
            throw ProblemException.badParameter("query.entityId", "REQUIRED",
                    "entityId needs entityType as well (an id alone is ambiguous).");
        }
        String sort = q.string("sort").orElse("-at");
        if (!sort.equals("-at") && !sort.equals("at")) {
            throw ProblemException.badParameter("query.sort", "ENUM", "sort is -at (newest first) or at.");
        }
        Instant from = q.instant("from").orElse(null);
        Instant to = q.instant("to").orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badParameter("query.from", "DATE_ORDER", "from must be before to.");
        }
        List<Subject> subjects = entityType == null ? List.of() : List.of(new Subject(entityType, entityId, false));
        return new AuditStore.Query(subjects, text(q, "actor", 100), oneOf(q, "action", AuditStore.ACTIONS), from, to,
                sort.equals("at"), limit, cursor);
    }

    /**
     * The query of a record's history route: entries about the record and its {@code parts} (a site's
     * checklist and items, a component's runbook steps), newest first, optionally of one action.
     */
    public static AuditStore.Query history(Context ctx, String entityType, String entityId, Subject... parts) {
        History h = History.read(ctx);
        return h.query(entityType, entityId, parts);
    }

    /**
     * A record's history route: its audit entries (and its {@code parts'}), newest first. They outlive
     * the record (a deleted one still has its history), so {@code findRecord} (which throws when there
     * is no such record) is asked only when the log has never mentioned it.
     */
    public static ApiResponse history(Context ctx, AuditStore audit, String entityType, String entityId,
                                      Runnable findRecord, Subject... parts) {
        History h = History.read(ctx);
        if (!audit.mentions(entityType, entityId)) {
            findRecord.run();
        }
        return ApiResponse.ok(audit.page(h.query(entityType, entityId, parts)));
    }

    /** A history route's parameters; the cursor is read last, once the record is known to exist. */
    private record History(String action, int limit, String cursor) {
        static History read(Context ctx) {
            QueryParams q = QueryParams.of(ctx, "action", "limit", "cursor");
            return new History(oneOf(q, "action", AuditStore.ACTIONS), q.integer("limit", 1, 500, 100),
                    q.string("cursor").orElse(null));
        }

        AuditStore.Query query(String entityType, String entityId, Subject... parts) {
            List<Subject> subjects = new ArrayList<>();
            subjects.add(Subject.record(entityType, entityId));
            subjects.addAll(List.of(parts));
            return new AuditStore.Query(subjects, null, action, null, null, false, limit,
                    cursor == null ? null : PageCursor.decode(cursor));
        }
    }

    private static String oneOf(QueryParams q, String name, Set<String> allowed) {
        String value = q.string(name).orElse(null);
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.badParameter("query." + name, "ENUM", "'" + value + "' is not a valid " + name
                    + ". Use one of: " + String.join(", ", new TreeSet<>(allowed)) + ".");
        }
        return value;
    }

    private static String text(QueryParams q, String name, int max) {
        String value = q.string(name).orElse(null);
        if (value != null && value.length() > max) {
            throw ProblemException.badParameter("query." + name, "TOO_LONG", name + " is at most " + max + " characters.");
        }
        return value;
    }
}
