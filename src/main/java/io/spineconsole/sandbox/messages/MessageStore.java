package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RecordRef;
import io.spineconsole.domain.messages.Reliability;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the message store: keyset search with an approximate count, detail, dead letters, failure groups. */
public final class MessageStore {
    /** Counting stops here on H2; beyond it the total is given as "at least". */
    static final int COUNT_CAP = 10_000;
    static final Duration MAX_WINDOW = Duration.ofDays(31);
    private static final Set<String> SYNC_REPLY_MODES = Set.of("none", "msh-signals-only", "signals-and-response");

    private final Sql sql;
    private final boolean postgres;
    private final ObjectMapper mapper;
    private final MessageParties parties;

    MessageStore(Sql sql, boolean postgres, ObjectMapper mapper, MessageParties parties) {
        this.sql = sql;
        this.postgres = postgres;
        this.mapper = mapper;
        this.parties = parties;
    }

    /** A time window: given bounds, else {@code to} = now and {@code from} = {@code to} − {@code defaultSpan}. */
    public record Window(Instant from, Instant to) {
        /** The window asked for; an empty one, or one wider than 31 days, is {@link Invalid}. */
        public static Window resolve(Instant from, Instant to, Instant now, Duration defaultSpan) {
            Instant end = to != null ? to : now;
            Instant start = from != null ? from : end.minus(defaultSpan);
            if (!start.isBefore(end)) {
                throw Invalid.parameter("query.from", "WINDOW_EMPTY", "'from' must be before 'to'.");
            }
            if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                throw new Invalid(Invalid.Part.REQUEST, "The time window may span at most 31 days; narrow 'from' and 'to'.",
                        List.of(new Issue("query.from", "WINDOW_TOO_WIDE", "At most 31 days between 'from' and 'to'.")));
            }
            return new Window(start, end);
        }
    }

    /** Where a page continues: after this row, in the window the first page settled. */
    private record Resume(MessageQuery.After after, Window window) {
        /** A search's cursor: its window may be open at either end (a search by message or conversation id). */
        static Resume of(List<String> key) {
            return new Resume(after(key), new Window(key.get(2).isEmpty() ? null : Instant.parse(key.get(2)),
                    key.get(3).isEmpty() ? null : Instant.parse(key.get(3))));
        }

        /** A dead-letter list's cursor: its window is always closed. */
        static Resume bounded(List<String> key) {
            return new Resume(after(key), new Window(Instant.parse(key.get(2)), Instant.parse(key.get(3))));
        }

        private static MessageQuery.After after(List<String> key) {
            return new MessageQuery.After(Instant.parse(key.get(0)), UUID.fromString(key.get(1)));
        }
    }

    /** A count: exact, or the planner's estimate (or a count that stopped at the cap). */
    private record Count(long total, boolean exact) {
    }

    /**
     * One page of a search, newest first unless asked otherwise; {@code cursor} (null for the first
     * page) continues where the last one stopped. The search's own cursor is not read.
     */
    public Page<MessageSummary> search(MessageSearch search, PageCursor cursor, Instant now) {
        String scope = scopeOf(search);
        MessageQuery.After after = null;
        Window w;
        if (cursor != null) {
            Resume resume = cursor.lastKeyFor(scope, Resume::of);
            after = resume.after();
            w = resume.window();
        } else {
            w = firstWindow(search, now);
        }
        Instant from = w.from();
        Instant to = w.to();
        MessageQuery query = new MessageQuery(search, from, to);
        List<MessageSummary> rows = page(query, after, search.limit(), search.oldestFirst());
        boolean more = rows.size() > search.limit();
        List<MessageSummary> items = more ? rows.subList(0, search.limit()) : rows;
        String next = null;
        if (more) {
            MessageSummary last = items.get(items.size() - 1);
            next = PageCursor.after(scope, List.of(last.receivedAt().toString(), last.messageId().toString(),
                    from == null ? "" : from.toString(), to == null ? "" : to.toString())).encode();
        }
        if (cursor == null && !more) {
            return new Page<>(items, null, items.size(), true);
        }
        Count count = count(query);
        // An estimate never claims fewer rows than the pages already show.
        return new Page<>(items, next, Math.max(count.total(), items.size() + (more ? 1 : 0)), count.exact());
    }

    /**
     * The window a search's first page reads: the one asked for, the last 24 hours by default, or no
     * bounds at all for a search by message or conversation id that gives none.
     */
    static Window firstWindow(MessageSearch search, Instant now) {
        boolean unbounded = search.messageId() != null || search.conversationId() != null;
        if (unbounded && search.from() == null && search.to() == null) {
            return new Window(null, null);
        }
        return Window.resolve(search.from(), search.to(), now, Duration.ofHours(24));
    }

    /**
     * Up to {@code limit + 1} rows, named as {@link #withNames} names them: each branch's page, merged in page order
     * without duplicates.
     */
    List<MessageSummary> page(MessageQuery query, MessageQuery.After after, int limit, boolean oldestFirst) {
        Map<UUID, MessageSummary> merged = new LinkedHashMap<>();
        for (MessageQuery.Branch branch : query.branches(parties)) {
            MessageQuery.Statement q = query.page(branch, after, limit + 1);
            for (MessageSummary m : sql.list(withNames(q.sql()), MessageStore::namedSummary, q.params())) {
                merged.putIfAbsent(m.messageId(), m);
            }
        }
        List<MessageSummary> rows = new ArrayList<>(merged.values());
        rows.sort((a, b) -> MessageQuery.compare(a.receivedAt(), a.messageId(), b.receivedAt(), b.messageId(), oldestFirst));
        return rows.size() > limit + 1 ? new ArrayList<>(rows.subList(0, limit + 1)) : rows;
    }

    /** The planner's estimate on PostgreSQL, a capped count on H2. */
    private Count count(MessageQuery query) {
        if (postgres) {
            return new Count(Explain.postgresRows(sql, mapper, query.estimate()), false);
        }
        List<MessageQuery.Branch> branches = query.branches(parties);
        long total = 0;
        boolean exact = branches.size() == 1;
        for (MessageQuery.Branch b : branches) {
            MessageQuery.Statement q = query.cappedCount(b, COUNT_CAP);
            long n = sql.count(q.sql(), q.params());
            exact &= n < COUNT_CAP;
            total += n;
        }
        return new Count(total, exact);
    }

    private static String scopeOf(MessageSearch s) {
        return String.join("|", String.valueOf(s.messageId()), String.valueOf(s.conversationId()), String.valueOf(s.ods()),
                String.valueOf(s.asid()), String.valueOf(s.partyKey()), String.valueOf(s.interaction()),
                s.statuses().stream().map(Coded::code).sorted().toList().toString(), String.valueOf(s.site()),
                String.valueOf(s.endpointId()), String.valueOf(s.signature()), String.valueOf(s.from()),
                String.valueOf(s.to()), String.valueOf(s.oldestFirst()));
    }

    static MessageSummary summary(ResultSet r) throws SQLException {
        Long latency = r.getObject("latency_ms") == null ? null : r.getLong("latency_ms");
        return new MessageSummary(r.getObject("message_id", UUID.class), r.getObject("conversation_id", UUID.class),
                r.getString("interaction_id"), Coded.fromCode(MessagingPattern.class, r.getString("messaging_pattern")),
                new MessageParty(r.getString("from_ods"), trim(r.getString("from_asid")), r.getString("from_party_key")),
                new MessageParty(r.getString("to_ods"), trim(r.getString("to_asid")), r.getString("to_party_key")),
                r.getObject("endpoint_id", UUID.class), r.getString("site_code"),
                Coded.fromCode(MessageStatus.class, r.getString("status")), r.getInt("attempts"), r.getLong("size_bytes"),
                Sql.instant(r, "created_at"), Sql.instant(r, "updated_at"), latency, r.getString("error_code"),
                r.getString("error_description"), r.getObject("redelivery_of", UUID.class));
    }

    /**
     * A statement of messages with their senders' and recipients' organisation names, where the directory has them,
     * joined to its rows once they are chosen (a page once its limit has cut it: the page's own plan is unchanged),
     * read by {@link #namedSummary}: one round trip to the store, not two.
     */
    private static String withNames(String messagesSql) {
        return "SELECT p.*, sender.name AS from_name, recipient.name AS to_name FROM (" + messagesSql + ") p"
                + " LEFT JOIN organisation sender ON sender.ods_code = p.from_ods"
                + " LEFT JOIN organisation recipient ON recipient.ods_code = p.to_ods";
    }

    private static MessageSummary namedSummary(ResultSet r) throws SQLException {
        MessageSummary m = summary(r);
        String from = r.getString("from_name");
        String to = r.getString("to_name");
        return from == null && to == null ? m : m.withParties(from == null ? m.from() : m.from().withName(from),
                to == null ? m.to() : m.to().withName(to));
    }

    /** The organisations' names for {@code odsCodes} (nulls skipped), one query for a page of rows. */
    Map<String, String> names(java.util.Collection<String> odsCodes) {
        List<String> codes = odsCodes.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new java.util.HashMap<>();
        for (String[] row : sql.list("SELECT ods_code, name FROM organisation WHERE ods_code IN ("
                + String.join(", ", java.util.Collections.nCopies(codes.size(), "?")) + ")",
                r -> new String[] {r.getString("ods_code"), r.getString("name")}, codes.toArray())) {
            names.put(row[0], row[1]);
        }
        return names;
    }

    /**
     * The stored messages among {@code ids}, named as {@link #withNames} names them, by id: one query for a
     * page (a message no longer stored is absent).
     */
    Map<UUID, MessageSummary> namedById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Object[] distinct = ids.stream().distinct().toArray();  // one placeholder per distinct id
        String byIds = "SELECT " + MessageQuery.COLUMNS + " FROM message WHERE message_id IN ("
                + String.join(", ", java.util.Collections.nCopies(distinct.length, "?")) + ")";
        List<MessageSummary> found = sql.list(withNames(byIds), MessageStore::namedSummary, distinct);
        Map<UUID, MessageSummary> byId = new java.util.HashMap<>();
        found.forEach(m -> byId.put(m.messageId(), m));
        return byId;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** A message as stored, with what only its detail shows. */
    private record DetailRow(MessageSummary summary, long version, Instant nextAttemptAt, UUID redeliveryJobId,
                             List<MessageEvent> events, String injected) {
    }

    /** One message, with its hop timeline, redeliveries and the recipient's reliability settings. */
    public MessageDetail detail(UUID id) {
        return sql.one(withNames("SELECT " + MessageQuery.COLUMNS + ", version, next_attempt_at, redelivery_job_id, "
                + "timeline, injected FROM message WHERE message_id = ?"), r -> new DetailRow(namedSummary(r),
                r.getLong("version"), Sql.instant(r, "next_attempt_at"), r.getObject("redelivery_job_id", UUID.class),
                Timeline.decode(r.getString("timeline")), r.getString("injected")), id).map(row -> {
            MessageSummary s = row.summary();
            List<MessageEvent> events = row.events();
            List<UUID> redeliveries = redeliveries(id);
            Reliability reliability = s.to().partyKey() == null ? null : reliability(s.to().partyKey());
            Instant expiresAt = null;
            if (s.messagingPattern().isReliable() && reliability != null) {
                try {
                    expiresAt = s.receivedAt().plus(Duration.parse(reliability.persistDuration()));
                } catch (RuntimeException ignored) {
                    // An unparseable persist duration in the directory: no expiry to show.
                }
            }
            return MessageDetail.of(s, row.version(), events, reliability,
                    s.status() == MessageStatus.RETRYING ? row.nextAttemptAt() : null, expiresAt, redeliveries,
                    row.redeliveryJobId()).withInjected(row.injected());
        }).orElseThrow(() -> new NotFound("Message " + upper(id)));
    }

    /** A message id as the contract writes it in sentences and audit entries: upper case. */
    static String upper(UUID id) {
        return id.toString().toUpperCase(java.util.Locale.ROOT);
    }

    List<UUID> redeliveries(UUID id) {
        return sql.list("SELECT message_id FROM message WHERE redelivery_of = ? ORDER BY created_at, message_id "
                + "LIMIT 1000", r -> r.getObject(1, UUID.class), id);
    }

    private Reliability reliability(String partyKey) {
        // Endpoints without retries (sync and express patterns) have no reliability settings to show.
        return sql.list("SELECT retries, retry_interval, persist_duration, ack_requested, duplicate_elimination, "
                + "sync_reply_mode FROM mhs_endpoint WHERE party_key = ? AND retries IS NOT NULL ORDER BY id", r -> {
            String mode = r.getString("sync_reply_mode");
            return new Reliability(r.getInt("retries"), r.getString("retry_interval"), r.getString("persist_duration"),
                    r.getBoolean("ack_requested") ? "always" : "never",
                    r.getBoolean("duplicate_elimination") ? "always" : "never",
                    mode != null && SYNC_REPLY_MODES.contains(mode) ? mode : "msh-signals-only");
        }, partyKey).stream().findFirst().orElse(null);
    }

    /** Dead letters, newest first, with the latest copy made of each; {@code cursor}: null for the first page. */
    public Page<DeadLetter> deadLetters(MessageSearch filter, Boolean redelivered, PageCursor cursor, Instant now) {
        String scope = scopeOf(filter) + "|" + redelivered;
        Window w = Window.resolve(filter.from(), filter.to(), now, Duration.ofDays(7));
        MessageQuery.After after = null;
        if (cursor != null) {
            Resume resume = cursor.lastKeyFor(scope, Resume::bounded);
            after = resume.after();
            w = resume.window();
        }
        MessageSearch search = filter.withStatuses(List.of(MessageStatus.DEAD_LETTERED));
        MessageQuery query = new MessageQuery(search, w.from(), w.to());
        query.require(DeadLetterDiscards.NOT_DISCARDED);
        if (redelivered != null) {
            query.require((redelivered ? "" : "NOT ") + "EXISTS (SELECT 1 FROM message r WHERE r.redelivery_of = message.message_id)");
        }
        List<MessageSummary> rows = page(query, after, filter.limit(), false);
        boolean more = rows.size() > filter.limit();
        List<MessageSummary> items = more ? rows.subList(0, filter.limit()) : rows;
        List<DeadLetter> letters = new ArrayList<>();
        for (MessageSummary m : items) {
            List<UUID> copies = redeliveries(m.messageId());
            letters.add(new DeadLetter(m, m.updatedAt(), m.lastErrorCode() == null ? "14" : m.lastErrorCode(),
                    m.lastErrorDescription() == null ? "Dead-lettered" : m.lastErrorDescription(),
                    copies.isEmpty() ? null : copies.get(copies.size() - 1)));
        }
        String next = null;
        if (more) {
            MessageSummary last = items.get(items.size() - 1);
            next = PageCursor.after(scope, List.of(last.receivedAt().toString(), last.messageId().toString(),
                    w.from().toString(), w.to().toString())).encode();
        }
        if (cursor == null && !more) {
            return new Page<>(letters, null, letters.size(), true);
        }
        Count count = count(query);
        return new Page<>(letters, next, Math.max(count.total(), letters.size()), count.exact());
    }

    /** Failure groups in a window, largest first; groups are few, so they are paged in memory. */
    public Page<FailureGroup> failureGroups(Window w, String interaction, String ods, String partyKey, String site,
                                            int limit, PageCursor cursor) {
        StringBuilder where = new StringBuilder("status IN ('nacked', 'transmission-failed', 'dead-lettered', 'expired') "
                + "AND signature IS NOT NULL AND created_at >= ? AND created_at < ?");
        List<Object> params = new ArrayList<>(List.of(w.from(), w.to()));
        if (interaction != null) {
            where.append(" AND interaction_id = ?");
            params.add(interaction);
        }
        if (ods != null) {
            where.append(" AND (from_ods = ? OR to_ods = ?)");
            params.add(ods);
            params.add(ods);
        }
        if (partyKey != null) {
            where.append(" AND (from_party_key = ? OR to_party_key = ?)");
            params.add(partyKey);
            params.add(partyKey);
        }
        if (site != null) {
            where.append(" AND site_code = ?");
            params.add(site);
        }
        // One group per cause at one recipient, however many interactions it spans.
        List<FailureGroup> groups = sql.list("SELECT status, error_code AS code, to_party_key AS party_key, "
                + "MAX(error_description) AS description, COUNT(*) AS n, MIN(created_at) AS first_seen, "
                + "MAX(created_at) AS last_seen, MAX(CAST(message_id AS VARCHAR(36))) AS sample, "
                + "MAX(interaction_id) AS interaction, COUNT(DISTINCT interaction_id) AS interactions, "
                + "MAX(CAST(endpoint_id AS VARCHAR(36))) AS endpoint, MAX(to_ods) AS ods, MAX(to_asid) AS asid, "
                + "MAX(injected) AS injected, COUNT(injected) AS injected_count "
                + "FROM message WHERE " + where + " GROUP BY status, error_code, to_party_key", r -> {
            String endpoint = r.getString("endpoint");
            String toOds = r.getString("ods");
            RecordRef record = endpoint != null ? new RecordRef("endpoint", endpoint)
                    : toOds != null ? new RecordRef("organisation", toOds) : null;
            MessageStatus status = Coded.fromCode(MessageStatus.class, r.getString("status"));
            String code = r.getString("code") == null ? "" : r.getString("code");
            return new FailureGroup(FailureGroup.causeOf(status, r.getString("code"), r.getString("party_key")), status,
                    code, r.getString("description") == null ? "" : r.getString("description"), r.getLong("n"),
                    Sql.instant(r, "first_seen"), Sql.instant(r, "last_seen"), UUID.fromString(r.getString("sample")),
                    r.getString("interaction"), endpoint == null ? null : UUID.fromString(endpoint),
                    r.getString("party_key"), toOds, trim(r.getString("asid")), record, r.getInt("interactions"), null,
                    r.getString("injected"), r.getLong("injected_count"));
        }, params.toArray());
        Map<String, String> names = names(groups.stream().map(FailureGroup::odsCode).toList());
        groups = groups.stream().map(g -> g.odsCode() == null || !names.containsKey(g.odsCode()) ? g
                : g.withRecipientName(names.get(g.odsCode()))).toList();
        groups = new ArrayList<>(groups);
        groups.sort(Comparator.comparingLong(FailureGroup::count).reversed().thenComparing(FailureGroup::signature));
        String scope = w + "|" + interaction + "|" + ods + "|" + partyKey + "|" + site;
        int start = 0;
        if (cursor != null) {
            String lastSignature = cursor.lastKeyFor(scope, key -> key.get(0));
            while (start < groups.size() && !groups.get(start).signature().equals(lastSignature)) {
                start++;
            }
            start++;
        }
        int end = Math.min(groups.size(), start + limit);
        List<FailureGroup> items = start >= groups.size() ? List.of() : groups.subList(start, end);
        String next = end < groups.size() ? PageCursor.after(scope, List.of(groups.get(end - 1).signature())).encode()
                : null;
        return new Page<>(items, next, groups.size(), true);
    }

    /** Loads a stored message so it can progress (a retry) or be copied (a redelivery). */
    Optional<MessageRow> row(Connection c, UUID id) throws SQLException {
        List<MessageRow> rows = Sql.list(c, "SELECT " + MessageQuery.COLUMNS + ", version, next_attempt_at, "
                + "redelivery_job_id, timeline FROM message WHERE message_id = ?", MessageStore::row, id);
        return rows.stream().findFirst();
    }

    /** Reliable messages whose next attempt is due. */
    List<MessageRow> dueRetries(Instant now, int max) {
        return sql.list("SELECT " + MessageQuery.COLUMNS + ", version, next_attempt_at, redelivery_job_id, timeline "
                + "FROM message WHERE status = 'retrying' AND next_attempt_at <= ? "
                + "ORDER BY status, created_at DESC, message_id DESC LIMIT ?", MessageStore::row, now, max);
    }

    private static MessageRow row(ResultSet r) throws SQLException {
        MessageSummary s = summary(r);
        MessageRow row = new MessageRow();
        row.id = s.messageId();
        row.conversationId = s.conversationId();
        row.interaction = s.interaction();
        row.pattern = s.messagingPattern();
        row.fromAsid = s.from().asid();
        row.fromPartyKey = s.from().partyKey();
        row.fromOds = s.from().odsCode();
        row.toAsid = s.to().asid();
        row.toPartyKey = s.to().partyKey();
        row.toOds = s.to().odsCode();
        row.endpointId = s.endpointId();
        row.site = s.site();
        row.status = s.status();
        row.attempts = s.attempts();
        row.sizeBytes = (int) s.sizeBytes();
        row.latencyMs = s.latencyMs();
        row.errorCode = s.lastErrorCode();
        row.errorDescription = s.lastErrorDescription();
        row.redeliveryOf = s.redeliveryOf();
        row.createdAt = s.receivedAt();
        row.updatedAt = s.updatedAt();
        row.version = r.getLong("version");
        row.nextAttemptAt = Sql.instant(r, "next_attempt_at");
        row.redeliveryJobId = r.getObject("redelivery_job_id", UUID.class);
        row.storedEvents = Timeline.count(r.getString("timeline"));
        return row;
    }
}
