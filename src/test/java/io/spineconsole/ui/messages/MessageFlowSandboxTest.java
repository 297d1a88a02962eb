package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.ManualDebouncer;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view models of the workspace's other parts against a real sandbox over HTTP: redelivery jobs
 * (dry run, throttle, progress, cancel, refusal), failure groups and their messages, dead letters,
 * charts and the governed export.
 */
class MessageFlowSandboxTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi operator;
    private static HttpBackboneApi viewer;
    private final I18n i18n = new I18n(Locale.UK);
    private final UiExecutor ui = new UiExecutor(Runnable::run);
    private final MessageText text = new MessageText(i18n, Clock.systemUTC());

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        String op = sandbox.backbone().tokens().create("operator-" + UUID.randomUUID(), Role.OPERATOR);
        String view = sandbox.backbone().tokens().create("viewer-" + UUID.randomUUID(), Role.VIEWER);
        operator = new HttpBackboneApi(sandbox.baseUrl(), () -> op, HttpBackboneApi.HttpClientOptions.defaults());
        viewer = new HttpBackboneApi(sandbox.baseUrl(), () -> view, HttpBackboneApi.HttpClientOptions.defaults());
    }

    @AfterAll
    static void stop() {
        operator.close();
        viewer.close();
        sandbox.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }

    private static WorkspaceContext context(HttpBackboneApi api, Role role) {
        return TestServices.context(api, role);
    }

    private static List<MessageSummary> failed(int n) {
        return operator.messages().search(MessageSearch.all().withStatuses(List.of(MessageStatus.DEAD_LETTERED,
                MessageStatus.NACKED, MessageStatus.TRANSMISSION_FAILED)).withLimit(n)).join().items();
    }

    @Test
    void aDryRunReportsWhatWouldBeSentAndSendsNothing() throws Exception {
        JobsViewModel jobs = new JobsViewModel(ui, i18n);
        jobs.connect(context(operator, Role.OPERATOR));
        List<MessageSummary> chosen = failed(3);
        JobForm form = JobForm.forMessages(chosen.stream().map(MessageSummary::messageId).toList(), "3 selected", i18n);
        assertTrue(form.dryRunProperty().get(), "a dry run unless the user says otherwise");
        assertFalse(form.isValid(), "a reason is required");
        form.reason().valueProperty().set("Dry run before the real thing");
        AtomicReference<RedeliveryJob> started = new AtomicReference<>();
        jobs.create(form, started::set);
        await(() -> started.get() != null);
        assertEquals(JobState.COMPLETED, started.get().progress().state());
        assertTrue(started.get().dryRun());
        await(() -> jobs.items().stateProperty().get() == LoadState.LOADED);
        assertEquals(3, jobs.items().items().size());
        assertTrue(jobs.items().items().stream().allMatch(i -> i.outcome() == RedeliveryItemOutcome.WOULD_REDELIVER));
        for (MessageSummary m : chosen) {
            assertTrue(operator.messages().message(m.messageId()).join().redeliveries().isEmpty(), "nothing sent");
        }
        assertEquals(started.get().id(), jobs.jobs().items().get(0).id(), "on top of the list");
    }

    @Test
    void aThrottledJobShowsProgressAndCanBeCancelled() throws Exception {
        JobsViewModel jobs = new JobsViewModel(ui, i18n);
        jobs.connect(context(operator, Role.OPERATOR));
        Instant now = Instant.now();
        MessageFilter all = new MessageFilter(null, null, null, null, null, List.of(MessageStatus.DEAD_LETTERED,
                MessageStatus.NACKED, MessageStatus.TRANSMISSION_FAILED, MessageStatus.EXPIRED), null, null, null,
                now.minus(Duration.ofDays(2)), now.plusSeconds(60));
        JobForm form = JobForm.forFilter(all, "every failure", i18n);
        form.reason().valueProperty().set("Resend after the outage (INC0100200)");
        form.dryRunProperty().set(false);
        form.rate().valueProperty().set("2");
        form.maxMessages().valueProperty().set("40");
        AtomicReference<RedeliveryJob> started = new AtomicReference<>();
        jobs.create(form, started::set);
        await(() -> started.get() != null);
        assertTrue(jobs.isFollowing(), "a running job is followed");
        Thread.sleep(1_300);
        jobs.poll();
        await(() -> jobs.selectedProperty().get().progress().done() >= 1);
        assertEquals(JobState.RUNNING, jobs.selectedProperty().get().progress().state());
        jobs.cancel("Receiver still down");
        await(() -> jobs.selectedProperty().get().progress().state() == JobState.CANCELLED);
        assertFalse(jobs.isFollowing());
        int done = jobs.selectedProperty().get().progress().done();
        assertTrue(done < jobs.selectedProperty().get().progress().total());
        jobs.outcomeProperty().set(RedeliveryItemOutcome.REDELIVERED);
        jobs.loadItems();
        await(() -> jobs.items().stateProperty().get() == LoadState.LOADED);
        assertFalse(jobs.items().items().isEmpty());
        assertTrue(jobs.items().items().stream().allMatch(i -> i.newMessageId() != null));
        assertTrue(JobsView.describe(jobs.selectedProperty().get(), text).contains("Resend after the outage"));
    }

    @Test
    void aViewerIsRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        JobsViewModel jobs = new JobsViewModel(ui, i18n);
        jobs.connect(context(viewer, Role.VIEWER));
        assertFalse(jobs.mayRunProperty().get(), "the UI offers nothing; the server decides anyway");
        JobForm form = JobForm.forMessages(List.of(failed(1).get(0).messageId()), "1 selected", i18n);
        form.reason().valueProperty().set("Trying my luck");
        jobs.create(form, j -> { });
        await(() -> !jobs.errorProperty().get().isEmpty());
        assertTrue(jobs.errorProperty().get().startsWith(i18n.get("error.forbidden")), jobs.errorProperty().get());
        assertEquals("Trying my luck", form.reason().value());
        assertFalse(jobs.busyProperty().get());
    }

    @Test
    void aFailureGroupLeadsToItsMessagesAndItsRegistration() throws Exception {
        FailuresViewModel failures = new FailuresViewModel(ui, i18n, Clock.systemUTC());
        failures.connect(operator.messages());
        failures.load();
        await(() -> failures.groups().stateProperty().get() == LoadState.LOADED);
        FailureGroup biggest = failures.groups().items().get(0);
        assertTrue(RecordLinks.atFault(biggest).orElseThrow().toString()
                .startsWith("spine-console://registrations/"));

        SearchViewModel search = new SearchViewModel(ui, i18n, text, io.spineconsole.ui.common.ViewMemory.inMemory(),
                new ManualDebouncer());
        search.connect(operator.messages(), "p");
        await(() -> search.results().stateProperty().get() != LoadState.LOADING);
        search.searchSignature(biggest.signature(), failures.windowProperty().get());
        await(() -> search.results().stateProperty().get() == LoadState.LOADED);
        assertEquals(biggest.count(), search.results().approximateTotalProperty().get());
        // A group is one cause at one recipient, over every interaction it failed for.
        assertTrue(search.results().items().stream().allMatch(m -> m.status() == biggest.status()
                && java.util.Objects.equals(m.to().partyKey(), biggest.partyKey())));
        MessageFilter f = failures.redeliveryFilter(biggest);
        assertEquals(biggest.signature(), f.signature());
        assertEquals(List.of(biggest.status()), f.status());
    }

    @Test
    void deadLettersWaitingForAPersonAreThoseNotYetRedelivered() throws Exception {
        DeadLettersViewModel letters = new DeadLettersViewModel(ui, i18n, Clock.systemUTC());
        letters.connect(operator.messages());
        letters.load();
        await(() -> letters.letters().stateProperty().get() == LoadState.LOADED);
        assertFalse(letters.letters().items().isEmpty());
        for (DeadLetter d : letters.letters().items()) {
            assertEquals(MessageStatus.DEAD_LETTERED, d.message().status());
            assertEquals(null, d.redeliveredAs());
            assertNotNull(d.reasonCode());
        }
    }

    @Test
    void chartsGiveASeriesPerKeyAndTheLatencyOfTheBiggest() throws Exception {
        ChartsViewModel stats = new ChartsViewModel(ui, i18n, Clock.systemUTC());
        stats.connect(viewer.messages());
        stats.groupProperty().set(StatsGroup.SITE);
        stats.windowProperty().set(TimeRange.LAST_24_HOURS);
        stats.load();
        await(() -> stats.status().state() == LoadState.LOADED);
        assertEquals(stats.keys().size(), stats.throughputProperty().get().size());
        assertEquals(stats.keys().size(), stats.errorRateProperty().get().size());
        long buckets = Duration.ofDays(1).dividedBy(Duration.ofMinutes(15));
        assertTrue(stats.throughputProperty().get().get(0).points().size() >= buckets - 1);
        double total = stats.throughputProperty().get().stream().flatMap(s -> s.points().stream())
                .mapToDouble(p -> p.value() * 900).sum();
        assertEquals(stats.keys().stream().mapToLong(k -> k.count()).sum(), total, 1.0,
                "messages a second × bucket = the counts");
        assertNotNull(stats.latencyKeyProperty().get());
        assertEquals(List.of("p50", "p95", "p99"), stats.latencyProperty().get().stream().map(ChartsViewModel.Series::key).toList());
        assertFalse(stats.latencyProperty().get().get(0).points().isEmpty());
    }

    @Test
    void anOperatorExportsTheSearchToAFileAndAViewerCannot(@TempDir Path dir) throws Exception {
        ExportViewModel export = new ExportViewModel(ui, i18n, text);
        export.connect(context(operator, Role.OPERATOR));
        MessageSearch deadLetters = MessageSearch.all().withStatuses(List.of(MessageStatus.DEAD_LETTERED));
        Path file = dir.resolve("dead-letters.csv");
        assertTrue(export.start(deadLetters, file));
        await(() -> !export.runningProperty().get());
        assertEquals(LoadState.LOADED, export.stateProperty().get(), export.errorProperty().get());
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("messageId,"));
        assertTrue(lines.size() > 1 && lines.stream().skip(1).allMatch(l -> l.contains(",dead-lettered,")));
        assertTrue(export.statusProperty().get().startsWith("Exported "), export.statusProperty().get());

        export.formatProperty().set(ExportFormat.NDJSON);
        assertTrue(export.suggestedFileName().endsWith(".ndjson"));
        export.maxRows().valueProperty().set("0");
        assertFalse(export.start(deadLetters, dir.resolve("x.ndjson")), "a bad row cap stops it");

        ExportViewModel notAllowed = new ExportViewModel(ui, i18n, text);
        notAllowed.connect(context(viewer, Role.VIEWER));
        assertFalse(notAllowed.mayExportProperty().get());
        assertFalse(notAllowed.start(deadLetters, dir.resolve("no.csv")));
        assertFalse(Files.exists(dir.resolve("no.csv")));
    }

    @Test
    void theLiveTailFollowsTheRealStreamInBatches() throws Exception {
        sandbox.backbone().traffic().start(300);
        try {
            LiveTailViewModel live = new LiveTailViewModel(i18n);
            live.connect(filter -> viewer.messages().stream(filter, LiveTailViewModel.STREAM_BUFFER));
            live.start(io.spineconsole.domain.messages.StreamFilter.everything(), "every message");
            List<Integer> sizes = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (live.rows().size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                live.pump(System.nanoTime());
                sizes.add(live.rows().size());
            }
            assertTrue(live.rows().size() >= 200, "rows: " + sizes);
            assertEquals(live.rows().size(), live.rows().stream().map(LiveTailViewModel.LiveRow::id).distinct().count(),
                    "one row per message");
            live.stop();
        } finally {
            sandbox.backbone().traffic().stop();
        }
    }
}
