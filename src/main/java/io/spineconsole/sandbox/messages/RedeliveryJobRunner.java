package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.RedeliveryCopy;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Outcome;
import io.spineconsole.sandbox.outcome.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Works through real redelivery jobs in the background, item by item at each job's rate. Each item is
 * its own transaction that first locks the job row, so a cancel lands before an item or after it, never
 * in the middle. The copy, the item's outcome and the job's counts commit together: after a crash the
 * counts are exact, and a job the server left running resumes with exactly the items not yet done (and
 * {@link RedeliveryLineage} would refuse a second copy of any that were).
 */
final class RedeliveryJobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedeliveryJobRunner.class);

    private final Sql sql;
    private final Redelivery redelivery;
    private final MessageIngest ingest;
    private final RedeliveryJobRows rows;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redelivery-jobs");
        t.setDaemon(true);
        return t;
    });

    RedeliveryJobRunner(Sql sql, Redelivery redelivery, MessageIngest ingest, RedeliveryJobRows rows, Clock clock) {
        this.sql = sql;
        this.redelivery = redelivery;
        this.ingest = ingest;
        this.rows = rows;
        this.clock = clock;
    }

    /** Queues a job to run, its items audited under {@code actor}. */
    void start(Actor actor, UUID id) {
        runner.submit(() -> run(actor, id));
    }

    /**
     * Jobs a stopped server left queued or running go on where they stopped, under the person who started
     * them. A job stored before jobs kept their starter's token cannot: it is marked failed, its
     * remaining items not processed.
     */
    void resumeInterrupted() {
        record Left(UUID id, String name, Long token, String role, String subject, int done, int total) {
        }
        List<Left> left = sql.list("SELECT id, created_by, created_by_token, created_by_role, created_by_subject, done, "
                + "total FROM redelivery_job WHERE state IN ('queued', 'running') ORDER BY created_at", r -> new Left(
                r.getObject("id", UUID.class), r.getString("created_by"),
                r.getObject("created_by_token") == null ? null : r.getLong("created_by_token"),
                r.getString("created_by_role"), r.getString("created_by_subject"), r.getInt("done"), r.getInt("total")));
        for (Left job : left) {
            Instant now = clock.instant();
            if (job.token() == null || job.role() == null) {
                fail(job.id(), "The server restarted while the job was running.");
                continue;
            }
            sql.update("UPDATE redelivery_job SET state = 'queued', updated_at = ?, version = version + 1 "
                    + "WHERE id = ? AND state IN ('queued', 'running')", now, job.id());
            LOG.info("Resuming redelivery job {} after a restart: {} of {} done", job.id(), job.done(), job.total());
            start(new Actor(new Principal(job.name(), Coded.fromCode(Role.class, job.role()), job.token(), null,
                    job.subject()), null), job.id());
        }
    }

    /** Works through a job's pending items at its rate, until done or cancelled. */
    private void run(Actor actor, UUID id) {
        try {
            Instant started = clock.instant();
            int rate = sql.inTransaction(c -> {
                Sql.update(c, "UPDATE redelivery_job SET state = 'running', started_at = COALESCE(started_at, ?), "
                        + "updated_at = ?, version = version + 1 WHERE id = ? AND state = 'queued'", started, started, id);
                return rows.job(c, id).orElseThrow().ratePerSecond();
            });
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long nextAt = System.nanoTime();
            List<Integer> pending = sql.list("SELECT seq FROM redelivery_job_item WHERE job_id = ? AND outcome = 'pending' "
                    + "ORDER BY seq", r -> r.getInt(1), id);
            for (int seq : pending) {
                LockSupport.parkNanos(nextAt - System.nanoTime());
                if (Thread.currentThread().isInterrupted()) {
                    return; // the server is stopping: the job resumes when it starts again
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
            if (Thread.currentThread().isInterrupted()) {
                return; // the server is stopping: the job resumes when it starts again
            }
            LOG.error("Redelivery job {} failed", id, e);
            fail(id, "The job stopped on an internal error: " + e.getMessage());
        }
    }

    private void fail(UUID id, String why) {
        Instant now = clock.instant();
        sql.inTransaction(c -> {
            Sql.update(c, "UPDATE redelivery_job_item SET outcome = 'not-processed' WHERE job_id = ? "
                    + "AND outcome = 'pending'", id);
            Sql.update(c, "UPDATE redelivery_job SET state = 'failed', error = ?, finished_at = ?, updated_at = ?, "
                    + "version = version + 1 WHERE id = ? AND state IN ('queued', 'running')", why, now, now, id);
            return null;
        });
    }

    /** Redelivers one item; false when the job is no longer running (cancelled). */
    private boolean processItem(Actor actor, UUID id, int seq) {
        return sql.inTransaction(c -> {
            String state = Sql.list(c, "SELECT state FROM redelivery_job WHERE id = ? FOR UPDATE",
                    r -> r.getString(1), id).get(0);
            if (!state.equals("running")) {
                return false;
            }
            UUID original = Sql.list(c, "SELECT original_id FROM redelivery_job_item WHERE job_id = ? AND seq = ? "
                    + "AND outcome = 'pending'", r -> r.getObject(1, UUID.class), id, seq).stream().findFirst().orElse(null);
            if (original == null) {
                return true; // settled already
            }
            String reason = Sql.list(c, "SELECT reason FROM redelivery_job WHERE id = ?", r -> r.getString(1), id).get(0);
            Instant now = clock.instant();
            RedeliveryItemOutcome outcome;
            String detail = null;
            UUID copyId = null;
            RedeliveryCopy earlier = null;
            String counter;
            try {
                MessageRow copy = redelivery.redeliver(c, actor, original, reason, id, false);
                copyId = copy.id;
                outcome = RedeliveryItemOutcome.REDELIVERED;
                counter = "";
                sql.afterCommit(() -> ingest.afterCommit(List.of(copy), true));
            } catch (Outcome refused) {
                // A message that may not be redelivered is skipped (already redelivered: says as what); one
                // that is gone has failed.
                List<RedeliveryCopy> copies = refused instanceof Refused r ? Redelivery.earlierCopies(r) : List.of();
                boolean skipped = refused instanceof Refused;
                outcome = skipped ? RedeliveryItemOutcome.SKIPPED : RedeliveryItemOutcome.FAILED;
                detail = refused.detail();
                counter = skipped ? ", skipped = skipped + 1" : ", failed = failed + 1";
                if (!copies.isEmpty()) {
                    earlier = copies.get(copies.size() - 1);
                    detail = RedeliveryJobRows.alreadyRedelivered(earlier);
                    counter += ", already_redelivered = already_redelivered + 1";
                }
            }
            RedeliveryJobRows.settle(c, id, seq, outcome, copyId, detail, now, earlier);
            Sql.update(c, "UPDATE redelivery_job SET done = done + 1" + counter + ", updated_at = ?, "
                    + "version = version + 1 WHERE id = ?", now, id);
            return true;
        });
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
