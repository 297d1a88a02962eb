package io.spineconsole.sandbox.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Intent;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.domain.messages.DiscardRequest;
import io.spineconsole.domain.messages.DiscardResult;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static io.spineconsole.testing.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dead letters grouped by reason and discarded with a reason, over HTTP on H2 and on PostgreSQL: a
 * discard is for operators, all or none, audited per message; the message keeps its history, leaves
 * the list, its group and the summary count, and cannot be redelivered.
 */
abstract class DeadLetterDiscardsContract extends StoreContract {
    private SandboxFixture sandbox;
    private HttpBackboneApi admin;
    private HttpBackboneApi operator;
    private HttpBackboneApi viewer;

    DeadLetterDiscardsContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox();
        admin = MessageApiChecks.client(sandbox, sandbox.adminToken());
        operator = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.OPERATOR));
        viewer = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.VIEWER));
    }

    @AfterAll
    void stop() {
        admin.close();
        operator.close();
        viewer.close();
        sandbox.close();
    }

    private List<DeadLetter> letters() {
        return viewer.messages().deadLetters(new DeadLetterQuery(null, null, null, null, null, null, null, 200, null))
                .join().items();
    }

    private List<DeadLetterGroup> groups() {
        return viewer.messages().deadLetterGroups(null, null).join().items();
    }

    @Test
    void groupsCountEveryDeadLetterOnceByReason() {
        List<DeadLetterGroup> groups = groups();
        Page<DeadLetter> all = viewer.messages().deadLetters(new DeadLetterQuery(null, null, null, null, null, null,
                null, 200, null)).join();
        assertFalse(groups.isEmpty(), "the seeded store has dead letters");
        assertEquals(all.approximateTotal(), groups.stream().mapToLong(DeadLetterGroup::count).sum(),
                "every dead letter is in one group");
        for (DeadLetterGroup g : groups) {
            assertFalse(g.cause().isBlank());
            assertFalse(g.cause().contains("attempts"), "the attempt count is not part of the cause: " + g.cause());
            assertFalse(g.newest().isBefore(g.oldest()));
        }
        Set<String> reasons = groups.stream().map(g -> g.reasonCode() + "|" + g.cause()).collect(Collectors.toSet());
        assertEquals(groups.size(), reasons.size(), "one group per reason");
        for (int i = 1; i < groups.size(); i++) {
            assertTrue(groups.get(i - 1).count() >= groups.get(i).count(), "largest group first");
        }
    }

    @Test
    void aDiscardedDeadLetterLeavesTheListKeepsItsHistoryAndIsNotRedelivered() {
        List<DeadLetter> before = letters();
        assertTrue(before.size() >= 2, "the seeded store has dead letters to discard");
        DeadLetter first = before.get(before.size() - 1);
        DeadLetter second = before.get(before.size() - 2);
        long groupBefore = countOf(first);
        long summaryBefore = viewer.messageFlowSummary().join().deadLetters();
        List<UUID> ids = List.of(first.message().messageId(), second.message().messageId());

        DiscardResult result = operator.messages().discardDeadLetters(new DiscardRequest(ids,
                "Test traffic from a retired system (INC0093342)"), Intent.fresh()).join();

        assertEquals(2, result.discarded());
        Set<UUID> left = letters().stream().map(d -> d.message().messageId()).collect(Collectors.toSet());
        assertFalse(left.contains(ids.get(0)) || left.contains(ids.get(1)), "discarded letters leave the list");
        assertTrue(countOf(first) < groupBefore, "and their group");
        assertEquals(summaryBefore - 2, viewer.messageFlowSummary().join().deadLetters(), "and the summary count");
        MessageDetail detail = viewer.messages().message(ids.get(0)).join();
        assertEquals(MessageStatus.DEAD_LETTERED, detail.status(), "the message keeps its record");
        MessageEvent last = detail.events().get(detail.events().size() - 1);
        assertEquals("DISCARDED", last.code());
        assertTrue(last.description().startsWith("Discarded by ") && last.description().endsWith(
                ": Test traffic from a retired system (INC0093342)"), last.description());
        ApiException redeliver = refusal(() -> operator.messages().redeliver(ids.get(0), "Try again").join());
        assertEquals(409, redeliver.status());
        assertTrue(redeliver.fieldErrors().stream().anyMatch(f -> f.code().equals("DISCARDED")), redeliver.detail());
        io.spineconsole.domain.messages.RedeliveryJob dryRun = operator.messages().createRedeliveryJob(
                new io.spineconsole.domain.messages.RedeliveryJobCreate(ids.subList(1, 2), null, "Would it go?", true,
                        null, null, null)).join();
        List<io.spineconsole.domain.messages.RedeliveryJobItem> items = operator.messages().redeliveryJobItems(
                dryRun.id(), null, 10, null).join().items();
        assertEquals(io.spineconsole.domain.messages.RedeliveryItemOutcome.SKIPPED, items.get(0).outcome(),
                "a dry run does not promise to redeliver a discarded dead letter: " + items.get(0).detail());
        for (UUID id : ids) {
            List<AuditEntry> audit = admin.audit().search(new AuditQuery("message", id.toString().toUpperCase(),
                    null, "discard", null, null, false, 10, null)).join().items();
            assertEquals(1, audit.size(), "audited per message");
            assertEquals("Test traffic from a retired system (INC0093342)", audit.get(0).reason());
            assertEquals(Role.OPERATOR, audit.get(0).actor().role());
        }
        ApiException again = refusal(() -> operator.messages().discardDeadLetters(new DiscardRequest(ids.subList(0, 1),
                "Once more"), Intent.fresh()).join());
        assertEquals(409, again.status());
        assertTrue(again.fieldErrors().stream().anyMatch(f -> f.code().equals("ALREADY_DISCARDED")));
    }

    @Test
    void onlyOperatorsDiscardAndABadRequestDiscardsNothing() {
        List<DeadLetter> before = letters();
        UUID id = before.get(0).message().messageId();
        assertEquals(403, refusal(() -> viewer.messages().discardDeadLetters(new DiscardRequest(List.of(id),
                "Not mine to discard"), Intent.fresh()).join()).status());
        ApiException noReason = refusal(() -> operator.messages().discardDeadLetters(new DiscardRequest(List.of(id),
                "x"), Intent.fresh()).join());
        assertEquals(422, noReason.status());
        assertTrue(noReason.fieldErrors().stream().anyMatch(f -> f.field().endsWith("reason")));
        ApiException tooMany = refusal(() -> operator.messages().discardDeadLetters(new DiscardRequest(
                Collections.nCopies(1001, id), "Too many at once"), Intent.fresh()).join());
        assertTrue(tooMany.status() == 400 || tooMany.status() == 422, "a bounded selection: " + tooMany.status());
        MessageSummary healthy = viewer.messages().search(MessageSearch.all()
                .withStatuses(List.of(MessageStatus.ACKNOWLEDGED))).join().items().get(0);
        ApiException mixed = refusal(() -> operator.messages().discardDeadLetters(new DiscardRequest(
                List.of(id, healthy.messageId()), "Clear the lot"), Intent.fresh()).join());
        assertEquals(409, mixed.status());
        assertTrue(mixed.fieldErrors().stream().anyMatch(f -> f.code().equals("NOT_DEAD_LETTERED")));
        assertTrue(letters().stream().anyMatch(d -> d.message().messageId().equals(id)), "all or none: still listed");
    }

    private long countOf(DeadLetter letter) {
        String cause = DeadLetterGroup.causeOf(letter.reasonDescription());
        return groups().stream().filter(g -> g.reasonCode().equals(letter.reasonCode()) && g.cause().equals(cause))
                .mapToLong(DeadLetterGroup::count).sum();
    }
}
