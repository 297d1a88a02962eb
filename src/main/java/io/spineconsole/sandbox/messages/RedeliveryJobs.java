package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryCopy;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk redelivery as server-side jobs: the selection is fixed when the job is created (stored as
 * items); a dry run is answered at once with what it would do, a real one is run in the background
 * by {@link RedeliveryJobRunner}. A message whose earlier copy is in flight or was delivered is
 * skipped and reported as already redelivered, in a dry run as for real; a dry run is run for real
 * (on its own selection) once.
 */
public final class RedeliveryJobs implements AutoCloseable {
    private final Sql sql;
    private final MessageStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final RedeliveryJobRows rows;
    private final RedeliveryJobRunner runner;

    RedeliveryJobs(Sql sql, MessageStore store, Redelivery redelivery, MessageIngest ingest, AuditLog audit,
                   ObjectMapper mapper, Clock clock) {
        this.sql = sql;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.rows = new RedeliveryJobRows(mapper);
        this.runner = new RedeliveryJobRunner(sql, redelivery, ingest, rows, clock);
        runner.resumeInterrupted();
    }

    /** What a new job works on, and where it came from. */
    private record Selection(List<UUID> ids, boolean truncated, Integer idCount, MessageFilter filter, int max) {
    }

    /**
     * Creates a job: its selection is fixed now; a dry run is answered at once with what it would do,
     * a real one is queued once the request commits and runs in the background, each item audited
     * under {@code actor}.
     */
    public RedeliveryJob create(Actor actor, RedeliveryJobCreate request) {
        RedeliveryJobRequests.validate(request);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        int rate = request.ratePerSecond() == null ? RedeliveryJobCreate.DEFAULT_RATE : request.ratePerSecond();
        Selection chosen = request.fromDryRun() == null ? select(request) : null;
        RedeliveryJob job = sql.inTransaction(c -> {
            Selection selection = chosen != null ? chosen : fromDryRun(c, request.fromDryRun());
            JobState state = dryRun ? JobState.COMPLETED : JobState.QUEUED;
            Sql.update(c, "INSERT INTO redelivery_job (" + RedeliveryJobRows.JOB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, 0, 0, 0, 0, ?, ?, NULL, NULL, 1, ?, ?, ?, ?, ?, ?, ?)", id, request.reason(),
                    dryRun, rate, selection.max(), selection.idCount(), rows.json(selection.filter()),
                    selection.truncated(), state.code(), selection.ids().size(), dryRun ? now : null,
                    dryRun ? now : null, now, actor.name(), now, actor.name(), request.fromDryRun(),
                    actor.principal().tokenId(), actor.principal().role().code());
            if (actor.principal().signedIn()) { // resumed after a restart under the same person
                Sql.update(c, "UPDATE redelivery_job SET created_by_subject = ? WHERE id = ?",
                        actor.principal().subject(), id);
            }
            int seq = 0;
            for (UUID original : selection.ids()) {
                Sql.update(c, "INSERT INTO redelivery_job_item (job_id, seq, original_id, outcome) VALUES (?, ?, ?, ?)",
                        id, ++seq, original, RedeliveryItemOutcome.PENDING.code());
            }
            if (dryRun) {
                judge(c, id, selection.ids(), now);
            }
            RedeliveryJob created = rows.job(c, id).orElseThrow();
            audit.record(c, actor, "create", "redelivery-job", id.toString(), request.reason(), null, created);
            return created;
        });
        if (!dryRun) {
            // The items are redelivered by the job once the request's transaction has committed (before it,
            // the runner could not see the job) and it has been answered.
            sql.afterCommit(() -> runner.start(actor.outsideRequest(), id));
        }
        return job;
    }

    private Selection select(RedeliveryJobCreate request) {
        int max = request.maxMessages() == null ? RedeliveryJobCreate.DEFAULT_MAX_MESSAGES : request.maxMessages();
        if (request.messageIds() != null) {
            return new Selection(request.messageIds().stream().limit(max).toList(), request.messageIds().size() > max,
                    request.messageIds().size(), null, max);
        }
        MessageFilter f = request.filter();
        List<MessageSummary> found = store.page(new MessageQuery(RedeliveryJobRequests.searchOf(f), f.from(), f.to()),
                null, max, false);
        return new Selection(found.stream().limit(max).map(MessageSummary::messageId).toList(), found.size() > max,
                null, f, max);
    }

    /**
     * A finished dry run's would-redeliver messages, for real. Its row is locked, so two requests to run
     * it for real take turns and the second finds the first's job.
     */
    private Selection fromDryRun(Connection c, UUID dryRunId) throws SQLException {
        if (Sql.list(c, "SELECT id FROM redelivery_job WHERE id = ? FOR UPDATE", r -> 1, dryRunId).isEmpty()) {
            Issues issues = new Issues();
            issues.add("fromDryRun", "UNKNOWN_REFERENCE", "There is no redelivery job " + dryRunId + ".");
            issues.throwIfAny();
        }
        RedeliveryJob dry = rows.job(c, dryRunId).orElseThrow();
        if (!dry.dryRun() || dry.progress().state() != JobState.COMPLETED) {
            throw Refused.transition("NOT_A_DRY_RUN", "Job " + dryRunId + " is not a finished dry run: only a dry run's "
                    + "selection can be run for real.");
        }
        if (dry.realRun() != null) {
            throw Refused.transition("ALREADY_RUN_FOR_REAL", "Dry run " + dryRunId + " was already run for real as job "
                    + dry.realRun() + ". Start a new dry run to redeliver more.").with("realRun", dry.realRun());
        }
        List<UUID> ids = Sql.list(c, "SELECT original_id FROM redelivery_job_item WHERE job_id = ? AND outcome = ? "
                + "ORDER BY seq", r -> r.getObject(1, UUID.class), dryRunId, RedeliveryItemOutcome.WOULD_REDELIVER.code());
        return new Selection(ids, dry.truncated(), dry.messageIdCount(), dry.filter(), dry.maxMessages());
    }

    /**
     * A dry run's verdict on each selected message, as the real run would find it now: not there, not
     * redeliverable, already redelivered (its earlier copy named), second in its family in this job, or
     * would be redelivered.
     */
    private void judge(Connection c, UUID id, List<UUID> selected, Instant now) throws SQLException {
        int skipped = 0;
        int already = 0;
        Set<UUID> families = new HashSet<>();
        int seq = 0;
        for (UUID original : selected) {
            seq++;
            Optional<MessageStatus> status = Sql.list(c, "SELECT status FROM message WHERE message_id = ?",
                    r -> Coded.fromCode(MessageStatus.class, r.getString(1)), original).stream().findFirst();
            RedeliveryItemOutcome outcome = RedeliveryItemOutcome.SKIPPED;
            String detail;
            RedeliveryCopy earlier = null;
            if (status.isEmpty()) {
                detail = "No such message.";
            } else if (!MessageStatuses.isRedeliverable(status.get())) {
                detail = "Not redeliverable: the message is " + status.get().code() + ".";
            } else if (DeadLetterDiscards.isDiscarded(c, original)) {
                detail = "Not redeliverable: the dead letter was discarded.";
            } else {
                List<RedeliveryCopy> blocking = RedeliveryLineage.blocking(RedeliveryLineage.family(c, original));
                if (!blocking.isEmpty()) {
                    earlier = blocking.get(blocking.size() - 1);
                    detail = RedeliveryJobRows.alreadyRedelivered(earlier);
                    already++;
                } else if (!families.add(RedeliveryLineage.root(c, original))) {
                    detail = "Another message of the same redelivery family comes first in this job.";
                } else {
                    outcome = RedeliveryItemOutcome.WOULD_REDELIVER;
                    detail = null;
                }
            }
            if (outcome == RedeliveryItemOutcome.SKIPPED) {
                skipped++;
            }
            RedeliveryJobRows.settle(c, id, seq, outcome, null, detail, now, earlier);
        }
        Sql.update(c, "UPDATE redelivery_job SET done = total, skipped = ?, already_redelivered = ? WHERE id = ?",
                skipped, already, id);
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
            RedeliveryJob before = rows.job(c, id).orElseThrow();
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
            RedeliveryJob after = rows.job(c, id).orElseThrow();
            audit.record(c, actor, "cancel", "redelivery-job", id.toString(), reason, before, after);
            return after;
        });
    }

    /** One job. */
    public RedeliveryJob job(UUID id) {
        return sql.inTransaction(c -> rows.job(c, id)).orElseThrow(() -> new NotFound("Redelivery job " + id));
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
        List<RedeliveryJob> found = sql.list(RedeliveryJobRows.SELECT_JOB + where + " ORDER BY created_at DESC, id DESC LIMIT ?",
                rows::job, params.toArray());
        boolean more = found.size() > limit;
        List<RedeliveryJob> items = more ? found.subList(0, limit) : found;
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

    /** A job's items in selection order, each with its message's interaction and parties, optionally only those with one outcome. */
    public Page<RedeliveryJobItem> items(UUID id, RedeliveryItemOutcome outcome, int limit, PageCursor cursor) {
        job(id);
        String scope = "items|" + id + "|" + outcome;
        int after = cursor == null ? 0 : cursor.lastKeyFor(scope, key -> Integer.parseInt(key.get(0)));
        String filter = outcome == null ? "" : " AND outcome = '" + outcome.code() + "'";
        List<ItemRow> found = sql.list("SELECT " + RedeliveryJobRows.ITEM_COLUMNS + " FROM redelivery_job_item "
                + "WHERE job_id = ?" + filter + " AND seq > ? ORDER BY seq LIMIT ?",
                r -> new ItemRow(r.getInt("seq"), RedeliveryJobRows.item(r)), id, after, limit + 1);
        boolean more = found.size() > limit;
        List<ItemRow> page = more ? found.subList(0, limit) : found;
        String next = more ? PageCursor.after(scope, List.of(String.valueOf(page.get(limit - 1).seq()))).encode() : null;
        long total = sql.count("SELECT COUNT(*) FROM redelivery_job_item WHERE job_id = ?" + filter, id);
        // Which message each is, as the message list shows it: its interaction and its parties by name.
        Map<UUID, MessageSummary> messages = store.namedById(page.stream().map(r -> r.item().originalMessageId()).toList());
        return new Page<>(page.stream().map(r -> r.item().about(messages.get(r.item().originalMessageId()))).toList(),
                next, total, true);
    }

    @Override
    public void close() {
        runner.close();
    }
}
