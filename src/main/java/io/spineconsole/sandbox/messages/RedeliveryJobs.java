package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.RedeliveryProgress;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Outcome;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Bulk redelivery as server-side jobs: the selection is fixed when the job is created (stored as
 * items), then a background executor redelivers item by item at the job's rate. Each item is its
 * own transaction that first locks the job row, so a cancel either lands before an item or after
 * it, never in the middle, and a cancelled job sends nothing more.
 */
public final class RedeliveryJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedeliveryJobs.class);
    private static final String JOB_COLUMNS = "id, reason, dry_run, rate_per_sec, max_messages, id_count, filter_json, "
            + "truncated, state, total, done, failed, skipped, started_at, finished_at, cancelled_by, error, version, "
            + "created_at, created_by, updated_at, updated_by";

    private final Sql sql;
    private final MessageStore store;
    private final Redelivery redelivery;
    private final MessageIngest ingest;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redelivery-jobs");
        t.setDaemon(true);
        return t;
    });

    RedeliveryJobs(Sql sql, MessageStore store, Redelivery redelivery, MessageIngest ingest, AuditLog audit,
                   ObjectMapper mapper, Clock clock) {
        this.sql = sql;
        this.store = store;
        this.redelivery = redelivery;
        this.ingest = ingest;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        failInterrupted();
    }

    /** Jobs left queued or running by a previous run of the server cannot continue: they are marked failed. */
    private void failInterrupted() {
        Instant now = clock.instant();
        sql.inTransaction(c -> {
            for (UUID id : Sql.list(c, "SELECT id FROM redelivery_job WHERE state IN ('queued', 'running')",
                    r -> r.getObject(1, UUID.class))) {
                Sql.update(c, "UPDATE redelivery_job_item SET outcome = 'not-processed' WHERE job_id = ? "
                        + "AND outcome = 'pending'", id);
                Sql.update(c, "UPDATE redelivery_job SET state = 'failed', error = ?, finished_at = ?, updated_at = ?, "
                        + "version = version + 1 WHERE id = ?", "The server restarted while the job was running.",
                        now, now, id);
            }
            return null;
        });
    }

    /**
     * Creates a job: its selection is fixed now; a dry run is answered at once with what it would do,
     * a real one is queued and runs in the background, each item audited under {@code actor}.
     */
    public RedeliveryJob create(Actor actor, RedeliveryJobCreate request) {
        validate(request);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        int rate = request.ratePerSecond() == null ? RedeliveryJobCreate.DEFAULT_RATE : request.ratePerSecond();
        int max = request.maxMessages() == null ? RedeliveryJobCreate.DEFAULT_MAX_MESSAGES : request.maxMessages();
        List<UUID> selected;
        boolean truncated = false;
        if (request.messageIds() != null) {
            selected = request.messageIds().stream().limit(max).toList();
            truncated = request.messageIds().size() > max;
        } else {
            List<MessageSummary> rows = store.page(new MessageQuery(searchOf(request.filter()), request.filter().from(),
                    request.filter().to()), null, max, false);
            truncated = rows.size() > max;
            selected = rows.stream().limit(max).map(MessageSummary::messageId).toList();
        }
        List<UUID> finalSelected = selected;
        boolean finalTruncated = truncated;
        RedeliveryJob job = sql.inTransaction(c -> {
            JobState state = dryRun ? JobState.COMPLETED : JobState.QUEUED;
            Sql.update(c, "INSERT INTO redelivery_job (" + JOB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?, 1, ?, ?, ?, ?)", id, request.reason(), dryRun, rate, max,
                    request.messageIds() == null ? null : request.messageIds().size(), json(request.filter()),
                    finalTruncated, state.code(), finalSelected.size(), 0, 0, 0,
                    dryRun ? now : null, dryRun ? now : null, null, null, now, actor.name(), now, actor.name());
            int skipped = 0;
            int seq = 0;
            for (UUID original : finalSelected) {
                RedeliveryItemOutcome outcome = RedeliveryItemOutcome.PENDING;
                String detail = null;
                if (dryRun) {
                    Optional<MessageStatus> status = Sql.list(c, "SELECT status FROM message WHERE message_id = ?",
                            r -> Coded.fromCode(MessageStatus.class, r.getString(1)), original).stream().findFirst();
                    if (status.isPresent() && MessageStatuses.isRedeliverable(status.get())) {
                        outcome = RedeliveryItemOutcome.WOULD_REDELIVER;
                    } else {
                        outcome = RedeliveryItemOutcome.SKIPPED;
                        detail = status.map(s -> "Not redeliverable: the message is " + s.code() + ".")
                                .orElse("No such message.");
                        skipped++;
                    }
                }
                Sql.update(c, "INSERT INTO redelivery_job_item (job_id, seq, original_id, new_id, outcome, detail, at) "
                        + "VALUES (?, ?, ?, NULL, ?, ?, ?)", id, ++seq, original, outcome.code(), detail,
                        dryRun ? now : null);
            }
            if (dryRun) {
                Sql.update(c, "UPDATE redelivery_job SET done = total, skipped = ? WHERE id = ?", skipped, id);
            }
            RedeliveryJob created = job(c, id).orElseThrow();
            audit.record(c, actor, "create", "redelivery-job", id.toString(), request.reason(), null, created);
            return created;
        });
        if (!dryRun) {
            // The items are redelivered by the job, after the request that created it has been answered.
            runner.submit(() -> run(actor.outsideRequest(), id));
        }
        return job;
    }

    private void validate(RedeliveryJobCreate r) {
        Issues errors = new Issues();
        if ((r.messageIds() == null) == (r.filter() == null)) {
            errors.add("", "EXACTLY_ONE", "Give exactly one of messageIds or filter.");
        }
        Redelivery.checkReason(errors, r.reason());
        if (r.ratePerSecond() != null && (r.ratePerSecond() < 1 || r.ratePerSecond() > 500)) {
            errors.add("ratePerSecond", "OUT_OF_RANGE", "ratePerSecond must be 1 to 500.");
        }
        if (r.maxMessages() != null && (r.maxMessages() < 1 || r.maxMessages() > 100_000)) {
            errors.add("maxMessages", "OUT_OF_RANGE", "maxMessages must be 1 to 100000.");
        }
        if (r.messageIds() != null) {
            if (r.messageIds().isEmpty() || r.messageIds().size() > 1_000) {
                errors.add("messageIds", "OUT_OF_RANGE", "Give 1 to 1000 message ids.");
            } else if (new HashSet<>(r.messageIds()).size() != r.messageIds().size() || r.messageIds().contains(null)) {
                errors.add("messageIds", "NOT_UNIQUE", "Each message id may appear once.");
            }
        }
        MessageFilter f = r.filter();
        if (f != null) {
            if (f.from() == null || f.to() == null) {
                errors.add("filter.from", "REQUIRED", "A filter needs both from and to.");
            } else if (!f.from().isBefore(f.to()) || Duration.between(f.from(), f.to()).compareTo(MessageStore.MAX_WINDOW) > 0) {
                errors.add("filter.to", "OUT_OF_RANGE", "from must be before to, at most 31 days apart.");
            }
            if (f.ods() != null) {
                errors.check("filter.ods", "INVALID_IDENTIFIER_VALUE", Identifiers.checkOdsCode(f.ods()));
            }
            if (f.asid() != null) {
                errors.check("filter.asid", "INVALID_IDENTIFIER_VALUE", Identifiers.checkAsid(f.asid()));
            }
            if (f.partyKey() != null) {
                errors.check("filter.partyKey", "INVALID_IDENTIFIER_VALUE", Identifiers.checkPartyKey(f.partyKey()));
            }
            if (f.interaction() != null) {
                errors.check("filter.interaction", "INVALID_IDENTIFIER_VALUE", Identifiers.checkInteractionId(f.interaction()));
            }
            if (f.status() != null && (f.status().isEmpty() || f.status().stream().anyMatch(s -> s == null || !MessageStatuses.isRedeliverable(s)))) {
                errors.add("filter.status", "NOT_REDELIVERABLE",
                        "Only nacked, transmission-failed, dead-lettered and expired messages can be selected.");
            }
        }
        errors.throwIfAny();
    }

    private static MessageSearch searchOf(MessageFilter f) {
        List<MessageStatus> statuses = f.status() == null ? List.copyOf(MessageStatuses.FAILED) : f.status();
        return new MessageSearch(null, f.conversationId(), f.ods(), f.asid(), f.partyKey(), f.interaction(), statuses,
                f.site(), f.endpointId(), f.signature(), f.from(), f.to(), false, MessageSearch.DEFAULT_LIMIT, null);
    }

    /** Works through a job's pending items at its rate, until done or cancelled. */
    private void run(Actor actor, UUID id) {
        try {
            Instant started = clock.instant();
            int rate = sql.inTransaction(c -> {
                Sql.update(c, "UPDATE redelivery_job SET state = 'running', started_at = ?, updated_at = ?, "
                        + "version = version + 1 WHERE id = ? AND state = 'queued'", started, started, id);
                return job(c, id).orElseThrow().ratePerSecond();
            });
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long nextAt = System.nanoTime();
            List<Integer> pending = sql.list("SELECT seq FROM redelivery_job_item WHERE job_id = ? AND outcome = 'pending' "
                    + "ORDER BY seq", r -> r.getInt(1), id);
            for (int seq : pending) {
                LockSupport.parkNanos(nextAt - System.nanoTime());
                if (Thread.currentThread().isInterrupted()) {
                    return;  // the server is stopping: the next start marks the job failed, saying so
                }
                nextAt = Math.max(nextAt + interval, System.nanoTime() - interval);
                if (!processItem(actor, id, seq)) {
                    return;
                }
            }
            Instant done = clock.instant();
            sql.update("UPDATE redelivery_job SET state = 'completed', finished_at = ?, updated_at = ?, "
                    + "version = version + 1 WHERE id = ? AND state = 'running'", done, done, id);
        } catch (RuntimeException e) {
            LOG.error("Redelivery job {} failed", id, e);
            Instant now = clock.instant();
            sql.inTransaction(c -> {
                Sql.update(c, "UPDATE redelivery_job_item SET outcome = 'not-processed' WHERE job_id = ? "
                        + "AND outcome = 'pending'", id);
                Sql.update(c, "UPDATE redelivery_job SET state = 'failed', error = ?, finished_at = ?, updated_at = ?, "
                        + "version = version + 1 WHERE id = ? AND state IN ('queued', 'running')",
                        "The job stopped on an internal error: " + e.getMessage(), now, now, id);
                return null;
            });
        }
    }

    /** Redelivers one item; false when the job is no longer running (cancelled). */
    private boolean processItem(Actor actor, UUID id, int seq) {
        MessageRow[] published = new MessageRow[1];
        boolean running = sql.inTransaction(c -> {
            String state = Sql.list(c, "SELECT state FROM redelivery_job WHERE id = ? FOR UPDATE",
                    r -> r.getString(1), id).get(0);
            if (!state.equals("running")) {
                return false;
            }
            UUID original = Sql.list(c, "SELECT original_id FROM redelivery_job_item WHERE job_id = ? AND seq = ?",
                    r -> r.getObject(1, UUID.class), id, seq).get(0);
            String reason = Sql.list(c, "SELECT reason FROM redelivery_job WHERE id = ?", r -> r.getString(1), id).get(0);
            Instant now = clock.instant();
            String outcome;
            String detail = null;
            UUID copyId = null;
            String counter;
            try {
                MessageRow copy = redelivery.redeliver(c, actor, original, reason, id);
                published[0] = copy;
                copyId = copy.id;
                outcome = RedeliveryItemOutcome.REDELIVERED.code();
                counter = "";
            } catch (Outcome refused) {
                // A message that may not be redelivered is skipped; one that is gone has failed.
                boolean skipped = refused instanceof Refused;
                outcome = skipped ? RedeliveryItemOutcome.SKIPPED.code() : RedeliveryItemOutcome.FAILED.code();
                detail = refused.detail();
                counter = skipped ? ", skipped = skipped + 1" : ", failed = failed + 1";
            }
            Sql.update(c, "UPDATE redelivery_job_item SET outcome = ?, new_id = ?, detail = ?, at = ? "
                    + "WHERE job_id = ? AND seq = ?", outcome, copyId, detail, now, id, seq);
            Sql.update(c, "UPDATE redelivery_job SET done = done + 1" + counter + ", updated_at = ?, "
                    + "version = version + 1 WHERE id = ?", now, id);
            return true;
        });
        if (published[0] != null && running) {
            ingest.afterCommit(List.of(published[0]), true);
        }
        return running;
    }

    /**
     * Cancels a queued or running job: the items not yet redelivered are not processed. Cancelling a
     * cancelled job answers it as it is; a finished one is refused. {@code version} (the version the
     * caller read) and {@code reason} are optional.
     */
    public RedeliveryJob cancel(Actor actor, UUID id, Version version, String reason) {
        if (reason != null) {
            Issues issues = new Issues();
            Redelivery.checkReason(issues, reason);
            issues.throwIfAny();
        }
        return sql.inTransaction(c -> {
            List<String> states = Sql.list(c, "SELECT state FROM redelivery_job WHERE id = ? FOR UPDATE",
                    r -> r.getString(1), id);
            if (states.isEmpty()) {
                throw new NotFound("Redelivery job " + id);
            }
            RedeliveryJob before = job(c, id).orElseThrow();
            if (version != null) {
                version.check(before.version(), before);
            }
            JobState state = before.progress().state();
            if (state == JobState.CANCELLED) {
                return before;
            }
            if (state.isTerminal()) {
                throw new Refused(Refused.Kind.TRANSITION, "A " + state.code() + " job cannot be cancelled.",
                        List.of(new Issue("state", "JOB_FINISHED", "The job is " + state.code() + ".")), before);
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE redelivery_job_item SET outcome = 'not-processed' WHERE job_id = ? AND outcome = 'pending'", id);
            Sql.update(c, "UPDATE redelivery_job SET state = 'cancelled', cancelled_by = ?, finished_at = ?, updated_at = ?, "
                    + "updated_by = ?, version = version + 1 WHERE id = ?", actor.name(), now, now, actor.name(), id);
            RedeliveryJob after = job(c, id).orElseThrow();
            audit.record(c, actor, "cancel", "redelivery-job", id.toString(), reason, before, after);
            return after;
        });
    }

    /** One job. */
    public RedeliveryJob job(UUID id) {
        return sql.inTransaction(c -> job(c, id)).orElseThrow(() -> new NotFound("Redelivery job " + id));
    }

    private Optional<RedeliveryJob> job(Connection c, UUID id) throws SQLException {
        return Sql.list(c, "SELECT " + JOB_COLUMNS + " FROM redelivery_job WHERE id = ?", this::job, id).stream().findFirst();
    }

    private RedeliveryJob job(ResultSet r) throws SQLException {
        MessageFilter filter = null;
        String filterJson = r.getString("filter_json");
        if (filterJson != null) {
            try {
                filter = mapper.readValue(filterJson, MessageFilter.class);
            } catch (JsonProcessingException e) {
                throw new SQLException("Unreadable stored filter", e);
            }
        }
        return new RedeliveryJob(r.getObject("id", UUID.class), r.getString("reason"), r.getBoolean("dry_run"),
                r.getInt("rate_per_sec"), r.getInt("max_messages"),
                r.getObject("id_count") == null ? null : r.getInt("id_count"), filter, r.getBoolean("truncated"),
                new RedeliveryProgress(Coded.fromCode(JobState.class, r.getString("state")), r.getInt("total"),
                        r.getInt("done"), r.getInt("failed"), r.getInt("skipped")),
                Sql.instant(r, "started_at"), Sql.instant(r, "finished_at"), r.getString("cancelled_by"),
                r.getString("error"), r.getLong("version"), Sql.instant(r, "created_at"), r.getString("created_by"),
                Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }

    /** Jobs, newest first, of any of {@code states} (none: every state). */
    public Page<RedeliveryJob> list(List<JobState> states, int limit, PageCursor cursor) {
        String scope = "jobs|" + states.stream().map(Coded::code).sorted().toList();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!states.isEmpty()) {
            where.append(" AND state IN (").append(String.join(", ", states.stream().map(s -> "?").toList())).append(")");
            states.forEach(s -> params.add(s.code()));
        }
        if (cursor != null) {
            JobAfter after = cursor.lastKeyFor(scope, key -> new JobAfter(Instant.parse(key.get(0)),
                    UUID.fromString(key.get(1))));
            where.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.add(after.createdAt());
            params.add(after.createdAt());
            params.add(after.id());
        }
        params.add(limit + 1);
        List<RedeliveryJob> rows = sql.list("SELECT " + JOB_COLUMNS + " FROM redelivery_job" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?", this::job, params.toArray());
        boolean more = rows.size() > limit;
        List<RedeliveryJob> items = more ? rows.subList(0, limit) : rows;
        String next = more ? PageCursor.after(scope, List.of(items.get(limit - 1).createdAt().toString(),
                items.get(limit - 1).id().toString())).encode() : null;
        long total = sql.count("SELECT COUNT(*) FROM redelivery_job" + (states.isEmpty() ? "" : " WHERE state IN ("
                + String.join(", ", states.stream().map(s -> "'" + s.code() + "'").toList()) + ")"));
        return new Page<>(items, next, total, true);
    }

    /** The keyset position after the last job served. */
    private record JobAfter(Instant createdAt, UUID id) {
    }

    /** One item of a job's page, with its place in the job. */
    private record ItemRow(int seq, RedeliveryJobItem item) {
    }

    /** A job's items in selection order, optionally only those with one outcome. */
    public Page<RedeliveryJobItem> items(UUID id, RedeliveryItemOutcome outcome, int limit, PageCursor cursor) {
        job(id);
        String scope = "items|" + id + "|" + outcome;
        int after = cursor == null ? 0 : cursor.lastKeyFor(scope, key -> Integer.parseInt(key.get(0)));
        String filter = outcome == null ? "" : " AND outcome = '" + outcome.code() + "'";
        List<ItemRow> rows = sql.list("SELECT seq, original_id, new_id, outcome, detail, at FROM redelivery_job_item "
                + "WHERE job_id = ?" + filter + " AND seq > ? ORDER BY seq LIMIT ?", r -> new ItemRow(r.getInt("seq"),
                new RedeliveryJobItem(r.getObject("original_id", UUID.class), r.getObject("new_id", UUID.class),
                        Coded.fromCode(RedeliveryItemOutcome.class, r.getString("outcome")), r.getString("detail"),
                        Sql.instant(r, "at"))), id, after, limit + 1);
        boolean more = rows.size() > limit;
        List<ItemRow> page = more ? rows.subList(0, limit) : rows;
        String next = more ? PageCursor.after(scope, List.of(String.valueOf(page.get(limit - 1).seq()))).encode() : null;
        long total = sql.count("SELECT COUNT(*) FROM redelivery_job_item WHERE job_id = ?" + filter, id);
        return new Page<>(page.stream().map(ItemRow::item).toList(), next, total, true);
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        try {
            runner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
