package io.spineconsole.testing;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Intent;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.messages.ExportResult;
import io.spineconsole.domain.messages.RedeliverRequest;
import io.spineconsole.domain.registrations.Interaction;
import io.spineconsole.domain.registrations.InteractionList;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.api.LiveStream;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.DiscardRequest;
import io.spineconsole.domain.messages.DiscardResult;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.FailureGroupQuery;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.PlanAccess;
import io.spineconsole.domain.messages.PlanVerdict;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.domain.messages.StreamFilter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The messages part of {@link FakeBackboneApi}: an in-memory {@link MessagesApi} for view-model
 * tests. It records what it was asked, answers searches, details and payloads through hooks a test
 * may replace (a slow or failing server is a future the test completes), redelivers the details it
 * holds, and hands out a live stream the test feeds by hand.
 */
public class FakeMessagesApi implements MessagesApi {
    public final List<MessageSearch> searches = Collections.synchronizedList(new ArrayList<>());
    public final List<StreamFilter> streams = Collections.synchronizedList(new ArrayList<>());
    public final List<String> redeliveries = Collections.synchronizedList(new ArrayList<>());
    /** The dead letters listed (and grouped by code and description); a discard takes them off. */
    public final List<DeadLetter> deadLetterList = Collections.synchronizedList(new ArrayList<>());
    /** The discards asked for, in order, with their intents. */
    public final List<DiscardRequest> discards = Collections.synchronizedList(new ArrayList<>());
    public final List<Intent> discardIntents = Collections.synchronizedList(new ArrayList<>());
    /** When set, answers {@link #discardDeadLetters} (a refusal); null: discards in memory. */
    public Function<DiscardRequest, CompletableFuture<DiscardResult>> onDiscard;
    public final Map<UUID, MessageDetail> details = new ConcurrentHashMap<>();
    public final List<UUID> jobsAsked = Collections.synchronizedList(new ArrayList<>());
    /** The redelivery jobs the server holds, newest first, and each job's items in selection order. */
    public final List<RedeliveryJob> jobs = Collections.synchronizedList(new ArrayList<>());
    public final Map<UUID, List<RedeliveryJobItem>> jobItems = new ConcurrentHashMap<>();
    /** The receivers' endpoints the directory knows (by endpoint id); any other is not registered. */
    public final Map<UUID, MhsEndpoint> endpoints = new ConcurrentHashMap<>();
    /** The intent of each redelivery asked for, in order. */
    public final List<Intent> redeliveryIntents = Collections.synchronizedList(new ArrayList<>());
    /** When set, answers {@link #redeliver} (a refusal, a lost answer); null: redelivers in memory. */
    public Function<UUID, CompletableFuture<MessageDetail>> onRedeliver;
    /** The jobs asked for, in order, with their intents. */
    public final List<RedeliveryJobCreate> jobsCreated = Collections.synchronizedList(new ArrayList<>());
    public final List<Intent> jobIntents = Collections.synchronizedList(new ArrayList<>());
    public Function<RedeliveryJobCreate, CompletableFuture<RedeliveryJob>> onCreateJob =
            r -> CompletableFuture.failedFuture(forbidden());
    /** Answers {@link #export}: refused unless set. */
    public Function<Integer, CompletableFuture<ExportResult>> onExport = rows -> CompletableFuture.failedFuture(forbidden());
    /** When set, answers {@link #message} instead of {@link #details} (a slow or failing server). */
    public Function<UUID, CompletableFuture<MessageDetail>> onMessage;
    public Function<MessageSearch, CompletableFuture<Page<MessageSummary>>> onSearch =
            s -> CompletableFuture.completedFuture(new Page<>(List.of(summary(MessageStatus.ACKNOWLEDGED)), null, 1, true));
    /** The search plans asked for, in order; {@link #onPlan} answers them (a cheap index plan unless set). */
    public final List<MessageSearch> plans = Collections.synchronizedList(new ArrayList<>());
    public Function<MessageSearch, CompletableFuture<SearchPlan>> onPlan =
            s -> CompletableFuture.completedFuture(plan(PlanAccess.INDEX, 1_200, 40, s.limit()));
    public Function<UUID, CompletableFuture<MessagePayload>> onPayload = id -> CompletableFuture.failedFuture(notFound());
    /** The endpoint health pages asked for, in order; {@link #onHealth} answers them (an empty page unless set). */
    public final List<EndpointHealthQuery> healthQueries =
            Collections.synchronizedList(new ArrayList<>());
    public Function<EndpointHealthQuery,
            CompletableFuture<EndpointHealthPage>> onHealth = q ->
            CompletableFuture.completedFuture(new EndpointHealthPage(List.of(), null, 0,
                    true, Instant.EPOCH, Instant.EPOCH, StatsBucket.FIVE_MINUTES));
    public Function<StatsQuery, CompletableFuture<MessageStats>> onStats = q -> CompletableFuture.failedFuture(notFound());
    public FakeLiveStream stream = new FakeLiveStream();
    /** The failure groups listed (one page, as given); a group may carry the scenario that injected it. */
    public final List<FailureGroup> failureGroupList = Collections.synchronizedList(new ArrayList<>());

    public static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");

    public static MessageSummary summary(MessageStatus status) {
        return summary(UUID.randomUUID(), status);
    }

    public static MessageSummary summary(UUID id, MessageStatus status) {
        return new MessageSummary(id, UUID.randomUUID(), "urn:nhs:names:services:psis:REPC_IN150016UK05",
                MessagingPattern.ASYNC_RELIABLE, new MessageParty("RR8", "200000000985", "RR8-0000806"),
                new MessageParty("A81001", "200000000111", "A81001-821870"), UUID.randomUUID(), "DC-NORTH", status, 1, 2048,
                NOW.minusSeconds(60), NOW.minusSeconds(30), 120L, null, null, null);
    }

    /** A plan reading {@code rowsToRead} rows against a threshold of 50,000, {@code matching} of them matching. */
    public static SearchPlan plan(PlanAccess access, long rowsToRead, long matching, int limit) {
        return new SearchPlan(access, access == PlanAccess.SCAN ? List.of() : List.of("message_by_from_ods"), rowsToRead,
                matching, Math.min(matching, limit), limit, matching <= limit,
                rowsToRead > 50_000 ? PlanVerdict.COSTLY : PlanVerdict.CHEAP, 50_000, null, null);
    }

    public static ApiException notFound() {
        return new ApiException(ApiException.Kind.NOT_FOUND, 404, "NO_RECORD_FOUND", "No such message.", "404",
                List.of(), null);
    }

    public static ApiException forbidden() {
        return new ApiException(ApiException.Kind.FORBIDDEN, 403, "ACCESS_DENIED", "Operators only.", "403",
                List.of(), null);
    }

    @Override
    public CompletableFuture<SearchPlan> searchPlan(MessageSearch search) {
        plans.add(search);
        return onPlan.apply(search);
    }

    @Override
    public CompletableFuture<Page<MessageSummary>> search(MessageSearch search) {
        searches.add(search);
        return onSearch.apply(search);
    }

    @Override
    public CompletableFuture<MessageDetail> message(UUID messageId) {
        if (onMessage != null) {
            return onMessage.apply(messageId);
        }
        MessageDetail d = details.get(messageId);
        return d == null ? CompletableFuture.failedFuture(notFound()) : CompletableFuture.completedFuture(d);
    }

    @Override
    public CompletableFuture<MessagePayload> payload(UUID messageId) {
        return onPayload.apply(messageId);
    }

    @Override
    public CompletableFuture<MessageDetail> redeliver(UUID messageId, RedeliverRequest request, Intent intent) {
        redeliveries.add(messageId + ":" + request.reason() + (request.forced() ? ":forced" : ""));
        redeliveryIntents.add(intent);
        if (onRedeliver != null) {
            return onRedeliver.apply(messageId);
        }
        MessageDetail original = details.get(messageId);
        if (original == null) {
            return CompletableFuture.failedFuture(notFound());
        }
        MessageSummary copy = summary(MessageStatus.RECEIVED);
        MessageDetail copyDetail = MessageDetail.of(copy, 1, List.of(), original.reliability(), null, null, List.of(), null);
        details.put(copy.messageId(), copyDetail);
        List<UUID> copies = new ArrayList<>(original.redeliveries());
        copies.add(copy.messageId());
        details.put(messageId, new MessageDetail(original.messageId(), original.conversationId(), original.interaction(),
                original.messagingPattern(), original.from(), original.to(), original.endpointId(), original.site(),
                original.status(), original.attempts(), original.sizeBytes(), original.receivedAt(), original.updatedAt(),
                original.latencyMs(), original.lastErrorCode(), original.lastErrorDescription(), original.redeliveryOf(),
                original.version() + 1, original.events(), original.reliability(), original.nextAttemptAt(),
                original.expiresAt(), copies, original.redeliveryJobId()));
        return CompletableFuture.completedFuture(copyDetail);
    }

    @Override
    public CompletableFuture<Page<DeadLetter>> deadLetters(DeadLetterQuery query) {
        List<DeadLetter> all = new ArrayList<>(deadLetterList);
        return CompletableFuture.completedFuture(new Page<>(all, null, all.size(), true));
    }

    @Override
    public CompletableFuture<Page<DeadLetterGroup>> deadLetterGroups(Instant from, Instant to) {
        Map<String, DeadLetterGroup> groups = new java.util.LinkedHashMap<>();
        for (DeadLetter d : deadLetterList) {
            String cause = DeadLetterGroup.causeOf(d.reasonDescription());
            groups.merge(d.reasonCode() + "|" + cause, new DeadLetterGroup(d.reasonCode(), cause, 1, d.deadLetteredAt(), d.deadLetteredAt(), d.reasonDescription()),
                    (a, b) -> new DeadLetterGroup(a.reasonCode(), a.cause(), a.count() + 1, a.newest(), b.oldest(),
                            a.sampleDescription()));
        }
        List<DeadLetterGroup> list = new ArrayList<>(groups.values());
        return CompletableFuture.completedFuture(new Page<>(list, null, list.size(), true));
    }

    @Override
    public CompletableFuture<DiscardResult> discardDeadLetters(DiscardRequest request, Intent intent) {
        discards.add(request);
        discardIntents.add(intent);
        if (onDiscard != null) {
            return onDiscard.apply(request);
        }
        deadLetterList.removeIf(d -> request.messageIds().contains(d.message().messageId()));
        return CompletableFuture.completedFuture(new DiscardResult(request.messageIds().size(), request.messageIds()));
    }

    @Override
    public CompletableFuture<MessageStats> stats(StatsQuery query) {
        return onStats.apply(query);
    }

    @Override
    public CompletableFuture<EndpointHealthPage> endpointHealth(
            EndpointHealthQuery query) {
        healthQueries.add(query);
        return onHealth.apply(query);
    }

    @Override
    public CompletableFuture<Page<FailureGroup>> failureGroups(FailureGroupQuery query) {
        List<FailureGroup> groups = List.copyOf(failureGroupList);
        return CompletableFuture.completedFuture(new Page<>(groups, null, groups.size(), true));
    }

    @Override
    public CompletableFuture<RedeliveryJob> createRedeliveryJob(RedeliveryJobCreate request, Intent intent) {
        jobsCreated.add(request);
        jobIntents.add(intent);
        return onCreateJob.apply(request);
    }

    @Override
    public CompletableFuture<Page<RedeliveryJob>> redeliveryJobs(List<JobState> states, int limit, String cursor) {
        List<RedeliveryJob> found = List.copyOf(jobs).stream()
                .filter(j -> states.isEmpty() || states.contains(j.progress().state())).toList();
        return CompletableFuture.completedFuture(new Page<>(found, null, found.size(), true));
    }

    @Override
    public CompletableFuture<RedeliveryJob> redeliveryJob(UUID jobId) {
        jobsAsked.add(jobId);
        return List.copyOf(jobs).stream().filter(j -> j.id().equals(jobId)).findFirst()
                .map(CompletableFuture::completedFuture).orElseGet(() -> CompletableFuture.failedFuture(notFound()));
    }

    @Override
    public CompletableFuture<Page<RedeliveryJobItem>> redeliveryJobItems(UUID jobId, RedeliveryItemOutcome outcome,
                                                                         int limit, String cursor) {
        List<RedeliveryJobItem> found = jobItems.getOrDefault(jobId, List.of()).stream()
                .filter(i -> outcome == null || i.outcome() == outcome).toList();
        return CompletableFuture.completedFuture(new Page<>(found, null, found.size(), true));
    }

    @Override
    public CompletableFuture<RedeliveryJob> cancelRedeliveryJob(UUID jobId, String reason) {
        return CompletableFuture.failedFuture(notFound());
    }

    @Override
    public CompletableFuture<ExportResult> export(MessageSearch search, ExportFormat format, int maxRows, Path target) {
        return onExport.apply(maxRows);
    }

    /**
     * The directory as the message workspace reads it: the interaction catalogue's titles and the
     * receivers' endpoints put in {@link #endpoints}, by id or by party key; nothing else is faked.
     */
    public RegistrationsApi receivers() {
        return new FakeRegistrationsApi() {
            @Override
            public CompletableFuture<InteractionList> interactions(MessagingPattern pattern, String q) {
                return CompletableFuture.completedFuture(new InteractionList(List.of(new Interaction(
                        "urn:nhs:names:services:psis:REPC_IN150016UK05", "urn:nhs:names:services:psis",
                        "REPC_IN150016UK05", MessagingPattern.ASYNC_RELIABLE, "Summary Care Record upload"))));
            }

            @Override
            public CompletableFuture<MhsEndpoint> endpoint(UUID id) {
                MhsEndpoint e = endpoints.get(id);
                return e == null ? CompletableFuture.failedFuture(notFound()) : CompletableFuture.completedFuture(e);
            }

            @Override
            public CompletableFuture<Page<MhsEndpoint>> endpoints(RegistrationFilter filter, String cursor, int limit) {
                return CompletableFuture.completedFuture(new Page<>(endpoints.values().stream()
                        .filter(e -> e.partyKey().equals(filter.partyKey())).toList(), null, 0, true));
            }
        };
    }

    @Override
    public LiveStream stream(StreamFilter filter, int bufferCapacity) {
        streams.add(filter);
        stream = new FakeLiveStream();
        return stream;
    }

    /** A live stream the test feeds by hand. */
    public static final class FakeLiveStream implements LiveStream {
        public final List<MessageSummary> buffer = new ArrayList<>();
        public final List<io.spineconsole.domain.alerts.AlertChanged> alertBuffer = new ArrayList<>();
        public long dropped;
        public long resets;
        public State state = State.OPEN;
        public int drains;

        public void push(MessageSummary... messages) {
            buffer.addAll(List.of(messages));
        }

        @Override
        public List<MessageSummary> drain(int max) {
            drains++;
            List<MessageSummary> out = new ArrayList<>(buffer.subList(0, Math.min(max, buffer.size())));
            buffer.subList(0, out.size()).clear();
            return out;
        }

        public void pushAlerts(io.spineconsole.domain.alerts.AlertChanged... changes) {
            synchronized (alertBuffer) {
                alertBuffer.addAll(List.of(changes));
            }
        }

        @Override
        public List<io.spineconsole.domain.alerts.AlertChanged> drainAlerts(int max) {
            synchronized (alertBuffer) {
                var out = new ArrayList<>(alertBuffer.subList(0, Math.min(max, alertBuffer.size())));
                alertBuffer.subList(0, out.size()).clear();
                return out;
            }
        }

        @Override
        public long dropped() {
            return dropped;
        }

        @Override
        public long resets() {
            return resets;
        }

        @Override
        public String lastEventId() {
            return null;
        }

        @Override
        public State state() {
            return state;
        }

        @Override
        public void close() {
            state = State.CLOSED;
        }
    }
}
