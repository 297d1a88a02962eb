package io.spineconsole.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditActor;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditVocabulary;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the audit log: the search behind {@code GET /api/v1/audit} and the per-record history
 * routes. Newest first by default, keyset-paged on the entry id (ids grow with time).
 */
public final class AuditStore {
    /** The entity types of openapi.yaml's {@code EntityType}. */
    public static final Set<String> ENTITY_TYPES = Set.copyOf(AuditVocabulary.ENTITY_TYPES);
    /** The actions of openapi.yaml's {@code AuditAction}. */
    public static final Set<String> ACTIONS = Set.copyOf(AuditVocabulary.ACTIONS);
    private static final Pattern LEGACY_ACTOR = Pattern.compile("(.*) \\(token (\\d+), (viewer|operator|admin)\\)");
    private static final String COLUMNS = "id, occurred_at, actor, actor_name, actor_token_id, actor_role, actor_subject, "
            + "actor_owner, action, entity_type, entity_id, reason, before_json, after_json, request_id";

    private final Sql sql;
    private final ObjectMapper mapper;

    /**
     * A search of the log; null members do not filter. {@code subjects}: entries about any of them
     * (none: about anything).
     */
    public record Query(List<Subject> subjects, String actor, String action, Instant from, Instant to,
                        boolean oldestFirst, int limit, PageCursor cursor) {
        public Query {
            subjects = List.copyOf(subjects);
        }
    }

    /**
     * What entries are about: every record of a type ({@code id} null), one record, or the parts of one
     * ({@code idPrefix}: a site's checklist items are {@code DC-NORTH/<key>}).
     */
    public record Subject(String entityType, String id, boolean idPrefix) {
        public static Subject record(String entityType, String id) {
            return new Subject(entityType, id, false);
        }

        public static Subject partsOf(String entityType, String parentId) {
            return new Subject(entityType, parentId + "/", true);
        }
    }

    public AuditStore(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** The keyset position after the last entry served. */
    private record After(Instant at, long id) {
    }

    public Page<AuditEntry> page(Query query) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter(query, where, params);
        long total = sql.count("SELECT COUNT(*) FROM audit_event" + clause(where), params.toArray());
        String scope = String.join("|", String.valueOf(query.subjects()), String.valueOf(query.actor()),
                String.valueOf(query.action()), String.valueOf(query.from()), String.valueOf(query.to()),
                String.valueOf(query.oldestFirst()));
        // In time order (seeded or imported history is older than its ids say), then by id.
        String direction = query.oldestFirst() ? "ASC" : "DESC";
        if (query.cursor() != null) {
            After last = query.cursor().lastKeyFor(scope, key -> new After(Instant.parse(key.get(0)),
                    Long.parseLong(key.get(1))));
            String after = query.oldestFirst() ? ">" : "<";
            where.add("(occurred_at " + after + " ? OR (occurred_at = ? AND id " + after + " ?))");
            params.add(last.at());
            params.add(last.at());
            params.add(last.id());
        }
        List<AuditEntry> rows = sql.list("SELECT " + COLUMNS + " FROM audit_event" + clause(where) + " ORDER BY occurred_at "
                + direction + ", id " + direction + " FETCH FIRST " + (query.limit() + 1) + " ROWS ONLY",
                this::entry, params.toArray());
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            AuditEntry last = rows.get(rows.size() - 1);
            next = PageCursor.after(scope, List.of(last.at().toString(), Long.toString(last.id()))).encode();
        }
        return new Page<>(rows, next, total, true);
    }

    /** One entry. */
    public AuditEntry get(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM audit_event WHERE id = ?", this::entry, id)
                .orElseThrow(() -> new NotFound("Audit entry " + id));
    }

    /** Whether the log holds anything about this record (its history outlives a delete). */
    public boolean mentions(String entityType, String entityId) {
        return sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = ? AND entity_id = ?",
                entityType, entityId) > 0;
    }

    private static void filter(Query q, List<String> where, List<Object> params) {
        if (!q.subjects().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (Subject subject : q.subjects()) {
                params.add(subject.entityType());
                if (subject.id() == null) {
                    any.add("entity_type = ?");
                } else {
                    any.add("(entity_type = ? AND entity_id " + (subject.idPrefix() ? "LIKE ? ESCAPE '!')" : "= ?)"));
                    params.add(subject.idPrefix() ? likePrefix(subject.id()) : subject.id());
                }
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        add(where, params, "actor_name = ?", q.actor());
        add(where, params, "action = ?", q.action());
        add(where, params, "occurred_at >= ?", q.from());
        add(where, params, "occurred_at < ?", q.to());
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            params.add(value);
        }
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private AuditEntry entry(ResultSet r) throws SQLException {
        String name = r.getString("actor_name");
        Long tokenId = r.getObject("actor_token_id") == null ? null : r.getLong("actor_token_id");
        String role = r.getString("actor_role");
        if (role == null) { // written before the actor had columns of its own, or without a token (seeded history)
            Matcher m = LEGACY_ACTOR.matcher(r.getString("actor"));
            name = m.matches() ? m.group(1) : r.getString("actor");
            tokenId = m.matches() ? Long.valueOf(m.group(2)) : null;
            role = m.matches() ? m.group(3) : null;
        }
        return new AuditEntry(r.getLong("id"), Sql.instant(r, "occurred_at"),
                new AuditActor(name, tokenId, role == null ? null : Coded.fromCode(Role.class, role),
                        r.getString("actor_subject"), r.getString("actor_owner")), r.getString("action"),
                r.getString("entity_type"), r.getString("entity_id"), r.getString("reason"),
                json(r.getString("before_json")), json(r.getString("after_json")), r.getString("request_id"));
    }

    private Map<String, Object> json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("An audit entry holds JSON that is not an object", e);
        }
    }
}
