package io.spineconsole.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.sandbox.http.Cursors;
import io.spineconsole.sandbox.http.ProblemException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the audit trail {@link AuditLog} writes: newest (or oldest) first, keyset-paged on
 * (time, id), filtered by the records it is about, who, what and when.
 */
public final class AuditTrail {
    /** How {@link AuditLog} writes the actor: {@code name (token 7, admin)}. */
    private static final Pattern ACTOR = Pattern.compile("^(.*) \\(token (\\d+), ([a-z]+)\\)$");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private final Sql sql;
    private final ObjectMapper mapper;

    public AuditTrail(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /**
     * Entries about a set of records: each {@link Subject} names an entity type and either one id or
     * an id prefix (a component's runbook steps are {@code PDS/12}, a site's checklist items
     * {@code DC-NORTH/data-erased}).
     */
    public record Subject(String entityType, String entityId, boolean prefix) {
        public static Subject exactly(String entityType, String entityId) {
            return new Subject(entityType, entityId, false);
        }

        public static Subject under(String entityType, String idPrefix) {
            return new Subject(entityType, idPrefix, true);
        }
    }

    /** A search; null members do not filter. */
    public record Search(List<Subject> subjects, String actor, String action, Instant from, Instant to,
                         boolean oldestFirst, int limit, String cursor) {
    }

    public Page<AuditEntry> search(Search s) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (s.subjects() != null && !s.subjects().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (Subject subject : s.subjects()) {
                if (subject.entityId() == null) {
                    any.add("entity_type = ?");
                    params.add(subject.entityType());
                } else if (subject.prefix()) {
                    any.add("(entity_type = ? AND entity_id LIKE ?)");
                    params.add(subject.entityType());
                    params.add(subject.entityId().replace("%", "").replace("_", "\\_") + "%");
                } else {
                    any.add("(entity_type = ? AND entity_id = ?)");
                    params.add(subject.entityType());
                    params.add(subject.entityId());
                }
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        if (s.actor() != null) {
            where.add("(actor = ? OR actor LIKE ?)");
            params.add(s.actor());
            params.add(s.actor().replace("%", "").replace("_", "\\_") + " (token %");
        }
        if (s.action() != null) {
            where.add("action = ?");
            params.add(s.action());
        }
        if (s.from() != null) {
            where.add("occurred_at >= ?");
            params.add(s.from());
        }
        if (s.to() != null) {
            where.add("occurred_at < ?");
            params.add(s.to());
        }
        String scope = "audit|" + s.subjects() + "|" + s.actor() + "|" + s.action() + "|" + s.from() + "|" + s.to()
                + "|" + s.oldestFirst();
        List<Object> pageParams = new ArrayList<>(params);
        List<String> pageWhere = new ArrayList<>(where);
        String op = s.oldestFirst() ? ">" : "<";
        if (s.cursor() != null) {
            List<String> last = Cursors.decode(s.cursor(), scope);
            Instant at;
            long id;
            try {
                at = Instant.parse(last.get(0));
                id = Long.parseLong(last.get(1));
            } catch (RuntimeException e) {
                throw ProblemException.badParameter("query.cursor", "INVALID_CURSOR",
                        "The cursor is not one this server issued.");
            }
            pageWhere.add("(occurred_at " + op + " ? OR (occurred_at = ? AND id " + op + " ?))");
            pageParams.add(at);
            pageParams.add(at);
            pageParams.add(id);
        }
        String dir = s.oldestFirst() ? "" : " DESC";
        String select = "SELECT id, occurred_at, actor, action, entity_type, entity_id, reason, before_json, after_json "
                + "FROM audit_event" + (pageWhere.isEmpty() ? "" : " WHERE " + String.join(" AND ", pageWhere))
                + " ORDER BY occurred_at" + dir + ", id" + dir + " FETCH FIRST " + (s.limit() + 1) + " ROWS ONLY";
        List<AuditEntry> rows = sql.list(select, this::entry, pageParams.toArray());
        String next = null;
        if (rows.size() > s.limit()) {
            rows = rows.subList(0, s.limit());
            AuditEntry last = rows.get(rows.size() - 1);
            next = Cursors.encode(scope, List.of(last.at().toString(), Long.toString(last.id())));
        }
        long total = sql.count("SELECT COUNT(*) FROM audit_event"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)), params.toArray());
        return new Page<>(rows, next, Math.max(total, rows.size()), true);
    }

    private AuditEntry entry(ResultSet r) throws SQLException {
        return new AuditEntry(r.getLong("id"), Sql.instant(r, "occurred_at"), actor(r.getString("actor")),
                r.getString("action"), r.getString("entity_type"), r.getString("entity_id"), r.getString("reason"),
                json(r.getString("before_json")), json(r.getString("after_json")), null);
    }

    /** Reads the actor as {@link AuditLog} wrote it; history seeded without a token keeps only its name. */
    static AuditEntry.Actor actor(String written) {
        Matcher m = ACTOR.matcher(written);
        if (m.matches()) {
            Role role = null;
            try {
                role = Coded.fromCode(Role.class, m.group(3));
            } catch (IllegalArgumentException unknownRole) {
                // an older role name: keep the name and token
            }
            return new AuditEntry.Actor(m.group(1), Long.parseLong(m.group(2)), role);
        }
        return new AuditEntry.Actor(written, null, null);
    }

    private Map<String, Object> json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readValue(text, OBJECT);
        } catch (Exception e) {
            return Map.of("unreadable", text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }
}
