package io.spineconsole.sandbox.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.FailureGroupQuery;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.sandbox.SandboxFixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clients, tokens and the checks the message suites share ({@link MessageRoutesContract} runs them on both stores). */
final class MessageApiChecks {
    private static final HttpClient RAW = HttpClient.newHttpClient();

    private MessageApiChecks() {
    }

    static HttpBackboneApi client(SandboxFixture sandbox, String token) {
        return new HttpBackboneApi(sandbox.baseUrl(), () -> token, sandbox.clientOptions(HttpClientOptions.defaults()));
    }

    static String token(SandboxFixture sandbox, Role role) {
        return sandbox.backbone().tokens().create(role.code() + "-" + UUID.randomUUID(), role);
    }

    /** Page 2 continues page 1 exactly: together they are the first 2 × n rows, with no repeats. */
    static void pagingContinuesExactly(HttpBackboneApi api, MessageSearch search) {
        Page<MessageSummary> first = api.messages().search(search.withLimit(40)).join();
        assertTrue(first.hasMore(), "the store holds more than one page");
        Page<MessageSummary> second = api.messages().search(search.withLimit(40).withCursor(first.nextCursor())).join();
        Page<MessageSummary> both = api.messages().search(search.withLimit(80)).join();
        List<UUID> paged = new ArrayList<>();
        first.items().forEach(m -> paged.add(m.messageId()));
        second.items().forEach(m -> paged.add(m.messageId()));
        assertEquals(both.items().stream().map(MessageSummary::messageId).toList(), paged);
        assertEquals(paged.size(), new HashSet<>(paged).size());
        for (int i = 1; i < both.items().size(); i++) {
            assertFalse(both.items().get(i).receivedAt().isAfter(both.items().get(i - 1).receivedAt()), "newest first");
        }
        assertTrue(first.approximateTotal() >= 80, "approximate total " + first.approximateTotal());
    }

    static void filtersMatch(HttpBackboneApi api) {
        MessageSummary sample = api.messages().search(MessageSearch.all().withLimit(1)).join().items().get(0);
        String ods = sample.to().odsCode();
        Page<MessageSummary> byOds = api.messages().search(MessageSearch.all().withParties(ods, null, null)
                .withStatuses(List.of(MessageStatus.ACKNOWLEDGED, MessageStatus.DELIVERED))).join();
        assertFalse(byOds.items().isEmpty());
        for (MessageSummary m : byOds.items()) {
            assertTrue(ods.equals(m.from().odsCode()) || ods.equals(m.to().odsCode()));
            assertTrue(m.status() == MessageStatus.ACKNOWLEDGED || m.status() == MessageStatus.DELIVERED);
        }
        Page<MessageSummary> byId = api.messages().search(MessageSearch.byId(sample.messageId())).join();
        assertEquals(List.of(sample.messageId()), byId.items().stream().map(MessageSummary::messageId).toList());
        assertTrue(byId.totalIsExact());
        Page<MessageSummary> byInteraction = api.messages().search(MessageSearch.all().withInteraction(sample.interaction())
                .withLimit(20)).join();
        assertTrue(byInteraction.items().stream().allMatch(m -> m.interaction().equals(sample.interaction())));
    }

    /** A failed message with its hop timeline, the first of them newest first. */
    static MessageSummary aFailedMessage(HttpBackboneApi api) {
        return api.messages().search(MessageSearch.all().withStatuses(List.of(MessageStatus.DEAD_LETTERED,
                MessageStatus.NACKED, MessageStatus.TRANSMISSION_FAILED))).join().items().get(0);
    }

    static void detailHasTimeline(HttpBackboneApi api) {
        MessageSummary failed = aFailedMessage(api);
        MessageDetail detail = api.messages().message(failed.messageId()).join();
        assertEquals(failed.messageId(), detail.messageId());
        assertFalse(detail.events().isEmpty());
        assertEquals(MessageStatus.RECEIVED, detail.events().get(0).status());
        assertEquals(detail.status(), detail.events().get(detail.events().size() - 1).status());
        for (int i = 0; i < detail.events().size(); i++) {
            assertEquals(i + 1, detail.events().get(i).seq());
        }
        assertNotNull(detail.events().get(detail.events().size() - 1).code(), "a failure says why");
    }

    static void redeliverIsOperatorOnlyAndAppliedOnce(SandboxFixture sandbox, HttpBackboneApi operator,
                                                      HttpBackboneApi viewer, String operatorToken) throws Exception {
        MessageSummary failed = aFailedMessage(operator);
        ApiException refused = (ApiException) assertThrows(CompletionException.class,
                () -> viewer.messages().redeliver(failed.messageId(), "Certificate renewed").join()).getCause();
        assertEquals(403, refused.status());
        assertTrue(operator.messages().message(failed.messageId()).join().redeliveries().isEmpty(),
                "the viewer changed nothing");

        String body = "{\"reason\":\"Receiver certificate renewed (INC0093311)\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v1/messages/"
                        + failed.messageId() + "/redeliver")).header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/json").header("Idempotency-Key", "retry-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> firstAnswer = RAW.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> repeat = RAW.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, firstAnswer.statusCode(), firstAnswer.body());
        assertEquals(201, repeat.statusCode());
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(firstAnswer.body(), repeat.body());
        MessageDetail original = operator.messages().message(failed.messageId()).join();
        assertEquals(1, original.redeliveries().size(), "applied once");
        MessageDetail copy = operator.messages().message(original.redeliveries().get(0)).join();
        assertEquals(failed.messageId(), copy.redeliveryOf());
        assertEquals(failed.conversationId(), copy.conversationId());

        MessageSummary healthy = operator.messages().search(MessageSearch.all()
                .withStatuses(List.of(MessageStatus.ACKNOWLEDGED))).join().items().get(0);
        ApiException notRedeliverable = (ApiException) assertThrows(CompletionException.class,
                () -> operator.messages().redeliver(healthy.messageId(), "Just because").join()).getCause();
        assertEquals(409, notRedeliverable.status());
    }

    static void failureGroupsLeadToTheirMessages(HttpBackboneApi api) {
        Page<FailureGroup> groups = api.messages().failureGroups(FailureGroupQuery.lastDay()).join();
        assertFalse(groups.items().isEmpty());
        FailureGroup biggest = groups.items().get(0);
        for (FailureGroup g : groups.items()) {
            assertTrue(g.count() <= biggest.count(), "largest first");
        }
        Page<MessageSummary> members = api.messages().search(MessageSearch.all().withSignature(biggest.signature())
                .withLimit(500)).join();
        assertEquals(biggest.count(), members.items().size());
        // One group per cause at one recipient, whatever the interaction: it says how many it spans.
        assertTrue(members.items().stream().allMatch(m -> m.status() == biggest.status()
                && java.util.Objects.equals(m.lastErrorCode(), biggest.code())
                && java.util.Objects.equals(m.to().partyKey(), biggest.partyKey())));
        assertEquals(members.items().stream().map(MessageSummary::interaction).distinct().count(), biggest.interactions());
        assertTrue(members.items().stream().anyMatch(m -> m.interaction().equals(biggest.interaction())));
        assertEquals(groups.items().size(), groups.items().stream().map(g -> g.status() + "|" + g.code() + "|"
                + g.partyKey()).distinct().count(), "no two groups share a cause and a recipient");
        // Names, not only codes: the directory's organisation names come with the parties and the group.
        MessageSummary named = members.items().get(0);
        if (named.to().odsCode() != null) {
            assertNotNull(named.to().name(), "the recipient's organisation is named: " + named.to());
            assertEquals(named.to().name(), biggest.recipientName());
        }
        assertNotNull(named.from().name(), "the sender's organisation is named: " + named.from());
        assertNotNull(biggest.record(), "a group names the registration to look at");
        assertTrue(biggest.firstSeen().compareTo(biggest.lastSeen()) <= 0);
        assertTrue(biggest.lastSeen().isBefore(Instant.now().plusSeconds(60)));
    }

    static void badInputIsRefused(HttpBackboneApi api) {
        ApiException badOds = (ApiException) assertThrows(CompletionException.class, () -> api.messages()
                .search(MessageSearch.all().withParties("rr8!", null, null)).join()).getCause();
        assertEquals(400, badOds.status());
        assertEquals("INVALID_IDENTIFIER_VALUE", badOds.code());
        ApiException wide = (ApiException) assertThrows(CompletionException.class, () -> api.messages()
                .search(MessageSearch.all().withWindow(Instant.now().minusSeconds(40L * 86_400), Instant.now())).join())
                .getCause();
        assertEquals("BAD_REQUEST", wide.code());
        assertEquals("WINDOW_TOO_WIDE", wide.fieldErrors().get(0).code());
        ApiException missing = (ApiException) assertThrows(CompletionException.class,
                () -> api.messages().message(UUID.randomUUID()).join()).getCause();
        assertEquals(404, missing.status());
        assertInstanceOf(ApiException.class, missing);
    }
}
