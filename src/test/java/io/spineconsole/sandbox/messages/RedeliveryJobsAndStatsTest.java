package io.spineconsole.sandbox.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsPoint;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk redelivery jobs (dry run, throttle, cancel), statistics from roll-ups, and governed export. */
class RedeliveryJobsAndStatsTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi operator;
    private static HttpBackboneApi viewer;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        operator = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.OPERATOR));
        viewer = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.VIEWER));
    }

    @AfterAll
    static void stop() {
        operator.close();
        viewer.close();
        sandbox.close();
    }

    /** Failed messages that can be redelivered: none of their family is in flight or delivered. */
    private static List<MessageSummary> failed(int n) {
        // A real job another test started may still be redelivering in the background (slowly, on a loaded
        // machine): let it finish, or it can redeliver a message picked here after it was picked.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!operator.messages().redeliveryJobs(List.of(JobState.QUEUED, JobState.RUNNING), 50, null).join()
                .items().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return operator.messages().search(MessageSearch.all().withStatuses(List.of(MessageStatus.DEAD_LETTERED,
                MessageStatus.NACKED, MessageStatus.EXPIRED, MessageStatus.TRANSMISSION_FAILED)).withLimit(200)).join()
                .items().stream()
                .map(m -> operator.messages().message(m.messageId()).join())
                // never redelivered and not a copy: each is its own family, so one job takes them all
                .filter(d -> d.blockingCopies().isEmpty() && d.redeliveries().isEmpty() && d.redeliveryOf() == null)
                .map(MessageDetail::summary)
                .limit(n).toList();
    }

    @Test
    void dryRunReportsWithoutSending() {
        List<MessageSummary> failed = failed(3);
        MessageSummary healthy = operator.messages().search(MessageSearch.all()
                .withStatuses(List.of(MessageStatus.ACKNOWLEDGED)).withLimit(1)).join().items().get(0);
        List<UUID> ids = new java.util.ArrayList<>(failed.stream().map(MessageSummary::messageId).toList());
        List<Integer> copiesBefore = failed.stream()
                .map(m -> operator.messages().message(m.messageId()).join().redeliveries().size()).toList();
        ids.add(healthy.messageId());
        RedeliveryJob job = operator.messages().createRedeliveryJob(new RedeliveryJobCreate(ids, null,
                "Dry run before the real thing", true, null, null)).join();
        assertEquals(JobState.COMPLETED, job.progress().state());
        assertEquals(4, job.progress().total());
        assertEquals(1, job.progress().skipped());
        List<RedeliveryJobItem> items = operator.messages().redeliveryJobItems(job.id(), null, 100, null).join().items();
        assertEquals(3, items.stream().filter(i -> i.outcome() == RedeliveryItemOutcome.WOULD_REDELIVER).count());
        assertEquals(1, items.stream().filter(i -> i.outcome() == RedeliveryItemOutcome.SKIPPED).count());
        assertEquals(copiesBefore, failed.stream()
                .map(m -> operator.messages().message(m.messageId()).join().redeliveries().size()).toList(), "nothing sent");
    }

    @Test
    void aThrottledJobCanBeCancelledAndSendsNothingMore() throws Exception {
        Instant now = Instant.now();
        MessageFilter filter = new MessageFilter(null, null, null, null, null, null, null, null, null,
                now.minus(Duration.ofDays(2)), now.plusSeconds(60));
        RedeliveryJob job = operator.messages().createRedeliveryJob(new RedeliveryJobCreate(null, filter,
                "Resend failures after the outage (INC0100200)", false, 2, 50)).join();
        assertTrue(job.progress().total() > 3, "the filter selected failures");
        Thread.sleep(1_200);
        RedeliveryJob running = operator.messages().redeliveryJob(job.id()).join();
        assertEquals(JobState.RUNNING, running.progress().state());
        RedeliveryJob cancelled = operator.messages().cancelRedeliveryJob(job.id(), "Receiver still down").join();
        assertEquals(JobState.CANCELLED, cancelled.progress().state());
        int doneAtCancel = cancelled.progress().done();
        assertTrue(doneAtCancel >= 1 && doneAtCancel < job.progress().total(), "throttled: " + doneAtCancel);
        Thread.sleep(1_200);
        RedeliveryJob later = operator.messages().redeliveryJob(job.id()).join();
        assertEquals(doneAtCancel, later.progress().done(), "nothing more after cancel");
        Page<RedeliveryJobItem> redelivered = operator.messages().redeliveryJobItems(job.id(),
                RedeliveryItemOutcome.REDELIVERED, 100, null).join();
        for (RedeliveryJobItem item : redelivered.items()) {
            assertEquals(item.originalMessageId(), operator.messages().message(item.newMessageId()).join().redeliveryOf());
            assertEquals(job.id(), operator.messages().message(item.newMessageId()).join().redeliveryJobId());
        }
        assertTrue(operator.messages().redeliveryJobItems(job.id(), RedeliveryItemOutcome.NOT_PROCESSED, 100, null)
                .join().approximateTotal() > 0);
        assertEquals(JobState.CANCELLED, operator.messages().cancelRedeliveryJob(job.id(), null).join().progress().state(),
                "cancelling again answers the job unchanged");
        ApiException viewerRefused = (ApiException) assertThrows(CompletionException.class, () -> viewer.messages()
                .createRedeliveryJob(new RedeliveryJobCreate(List.of(UUID.randomUUID()), null, "Not allowed", true, null,
                        null)).join()).getCause();
        assertEquals(403, viewerRefused.status());
        ApiException both = (ApiException) assertThrows(CompletionException.class, () -> operator.messages()
                .createRedeliveryJob(new RedeliveryJobCreate(List.of(UUID.randomUUID()), filter, "Both given", true,
                        null, null)).join()).getCause();
        assertEquals(422, both.status());
    }

    @Test
    void statsComeFromRollupsAndAddUp() {
        MessageStats stats = viewer.messages().stats(StatsQuery.lastHour(StatsGroup.INTERACTION)).join();
        assertFalse(stats.keys().isEmpty());
        long total = stats.keys().stream().mapToLong(StatsKey::count).sum();
        long inWindow = viewer.messages().search(MessageSearch.all().withWindow(stats.from(), stats.to()).withLimit(1))
                .join().approximateTotal();
        assertEquals(inWindow, total, "every message received in the window is counted once");
        long buckets = Duration.between(stats.from(), stats.to()).toMinutes();
        assertEquals(buckets * stats.keys().size(), stats.series().size(), "empty buckets are present");
        assertTrue(stats.series().stream().anyMatch(p -> p.p95Ms() != null && p.p50Ms() <= p.p95Ms()
                && p.p95Ms() <= p.p99Ms()));
        for (StatsPoint p : stats.series()) {
            assertTrue(p.errors() <= p.count());
        }
        MessageStats bySite = viewer.messages().stats(new StatsQuery(StatsGroup.SITE, null, null, null, 50,
                stats.keys().get(0).key(), null, null, null)).join();
        assertEquals(stats.keys().get(0).count(), bySite.keys().stream().mapToLong(StatsKey::count).sum(),
                "one interaction's traffic, split by site");
        ApiException unsupported = (ApiException) assertThrows(CompletionException.class, () -> viewer.messages()
                .stats(new StatsQuery(StatsGroup.INTERACTION, null, null, null, null, null, null, null, UUID.randomUUID()))
                .join()).getCause();
        assertEquals(400, unsupported.status());
    }

    @Test
    void exportIsOperatorOnlyAndStreamsEveryMatch(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("messages.csv");
        MessageSearch deadLetters = MessageSearch.all().withStatuses(List.of(MessageStatus.DEAD_LETTERED));
        operator.messages().export(deadLetters, ExportFormat.CSV, 100_000, csv).join();
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("messageId,conversationId,interaction"));
        long expected = operator.messages().search(deadLetters.withLimit(500)).join().items().size();
        assertEquals(expected, lines.size() - 1);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",dead-lettered,")));
        ApiException refused = (ApiException) assertThrows(CompletionException.class, () -> viewer.messages()
                .export(deadLetters, ExportFormat.NDJSON, 10, dir.resolve("no.ndjson")).join()).getCause();
        assertEquals(403, refused.status());
        assertFalse(Files.exists(dir.resolve("no.ndjson")));
    }
}
