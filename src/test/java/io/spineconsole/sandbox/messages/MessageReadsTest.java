package io.spineconsole.sandbox.messages;

import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message reads the other suites do not cover, through the real client: payloads, dead letters, job lists. */
class MessageReadsTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi viewer;
    private static HttpBackboneApi operator;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        viewer = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.VIEWER));
        operator = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.OPERATOR));
    }

    @AfterAll
    static void stop() {
        viewer.close();
        operator.close();
        sandbox.close();
    }

    @Test
    void aPayloadIsServedPrettyPrintedAndMasked() {
        MessageSummary any = viewer.messages().search(MessageSearch.all().withLimit(20)).join().items().get(0);
        MessagePayload payload = viewer.messages().payload(any.messageId()).join();
        assertEquals(any.messageId(), payload.messageId());
        assertTrue(payload.masked(), "payloads are always masked");
        assertFalse(payload.body().isBlank());
        assertTrue(payload.body().contains("\n"), "pretty-printed, one element or member a line");
        for (String field : payload.maskedFields()) {
            assertFalse(field.isBlank());
        }
        assertTrue(payload.contentType().contains("xml") || payload.contentType().contains("json"), payload.contentType());
    }

    /** A redelivery job's page may name one message twice: each is found, with its organisations' names. */
    @Test
    void messagesNamedByIdAreFoundWhenAnIdComesTwice() {
        List<MessageSummary> two = viewer.messages().search(MessageSearch.all().withLimit(2)).join().items();
        UUID a = two.get(0).messageId();
        UUID b = two.get(1).messageId();

        java.util.Map<UUID, MessageSummary> named = sandbox.backbone().messages().store().namedById(List.of(a, b, a));

        assertEquals(Set.of(a, b), named.keySet());
        assertEquals(two.get(0).from(), named.get(a).from(), "the sender with its name, as a search shows it");
    }

    @Test
    void deadLettersSayWhyAndPageWithoutRepeats() {
        Page<DeadLetter> first = viewer.messages().deadLetters(new DeadLetterQuery(null, null, null, null, null, null,
                null, 5, null)).join();
        assertFalse(first.items().isEmpty(), "the seeded store has dead letters");
        for (DeadLetter d : first.items()) {
            assertEquals(MessageStatus.DEAD_LETTERED, d.message().status());
            assertFalse(d.reasonCode() == null || d.reasonCode().isBlank(), "a dead letter says why");
            assertFalse(d.reasonDescription() == null || d.reasonDescription().isBlank());
        }
        Set<UUID> seen = new HashSet<>();
        first.items().forEach(d -> seen.add(d.message().messageId()));
        if (first.hasMore()) {
            Page<DeadLetter> second = viewer.messages().deadLetters(new DeadLetterQuery(null, null, null, null, null,
                    null, null, 5, first.nextCursor())).join();
            second.items().forEach(d -> assertTrue(seen.add(d.message().messageId()), "no dead letter twice"));
        }
    }

    @Test
    void startedJobsAreListedNewestFirstAndByState() {
        List<UUID> failed = operator.messages().search(MessageSearch.all()
                .withStatuses(List.of(MessageStatus.DEAD_LETTERED)).withLimit(2)).join().items().stream()
                .map(MessageSummary::messageId).toList();
        RedeliveryJob job = operator.messages().createRedeliveryJob(new RedeliveryJobCreate(failed, null,
                "Listing check: dry run", true, null, null)).join();
        Page<RedeliveryJob> all = viewer.messages().redeliveryJobs(List.of(), 10, null).join();
        assertEquals(job.id(), all.items().get(0).id(), "the newest job first");
        Page<RedeliveryJob> completed = viewer.messages().redeliveryJobs(List.of(JobState.COMPLETED), 10, null).join();
        assertTrue(completed.items().stream().allMatch(j -> j.progress().state() == JobState.COMPLETED));
        assertTrue(completed.items().stream().anyMatch(j -> j.id().equals(job.id())));
        assertTrue(viewer.messages().redeliveryJobs(List.of(JobState.CANCELLED), 10, null).join().items().stream()
                .noneMatch(j -> j.id().equals(job.id())));
    }
}
