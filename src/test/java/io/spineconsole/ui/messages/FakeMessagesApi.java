package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.AuditApi;
import io.spineconsole.api.TokensApi;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.ConnectionMonitor;
import io.spineconsole.api.LiveStream;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.MigrationApi;
import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.registrations.RegistrationSummary;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.ServerHealth;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.FailureGroupQuery;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.domain.messages.StreamFilter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** An in-memory {@link MessagesApi} (and the {@link BackboneApi} around it) for view-model tests. */
final class FakeMessagesApi implements MessagesApi {
    final List<MessageSearch> searches = new ArrayList<>();
    final List<StreamFilter> streams = new ArrayList<>();
    final List<String> redeliveries = new ArrayList<>();
    final Map<UUID, MessageDetail> details = new HashMap<>();
    final List<UUID> jobsAsked = new ArrayList<>();
    /** The directory's endpoints the message workspace can read (a message's receiver). */
    final Map<UUID, io.spineconsole.domain.registrations.MhsEndpoint> endpoints = new HashMap<>();
    /** When set, answers {@link #message} instead of {@link #details} (a slow or failing server). */
    Function<UUID, CompletableFuture<MessageDetail>> onMessage;
    Function<MessageSearch, CompletableFuture<Page<MessageSummary>>> onSearch =
            s -> CompletableFuture.completedFuture(new Page<>(List.of(summary(MessageStatus.ACKNOWLEDGED)), null, 1, true));
    Function<UUID, CompletableFuture<MessagePayload>> onPayload = id -> CompletableFuture.failedFuture(notFound());
    Function<StatsQuery, CompletableFuture<MessageStats>> onStats = q -> CompletableFuture.failedFuture(notFound());
    FakeLiveStream stream = new FakeLiveStream();

    static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");

    static MessageSummary summary(MessageStatus status) {
        return summary(UUID.randomUUID(), status);
    }

    static MessageSummary summary(UUID id, MessageStatus status) {
        return new MessageSummary(id, UUID.randomUUID(), "urn:nhs:names:services:psis:REPC_IN150016UK05",
                MessagingPattern.ASYNC_RELIABLE, new MessageParty("RR8", "200000000985", "RR8-0000806"),
                new MessageParty("A81001", "200000000111", "A81001-821870"), UUID.randomUUID(), "DC-NORTH", status, 1, 2048,
                NOW.minusSeconds(60), NOW.minusSeconds(30), 120L, null, null, null);
    }

    static ApiException notFound() {
        return new ApiException(ApiException.Kind.NOT_FOUND, 404, "NO_RECORD_FOUND", "No such message.", "404",
                List.of(), null);
    }

    static ApiException forbidden() {
        return new ApiException(ApiException.Kind.FORBIDDEN, 403, "ACCESS_DENIED", "Operators only.", "403",
                List.of(), null);
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
    public CompletableFuture<MessageDetail> redeliver(UUID messageId, String reason) {
        redeliveries.add(messageId + ":" + reason);
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
        return CompletableFuture.completedFuture(new Page<>(List.of(), null, 0, true));
    }

    @Override
    public CompletableFuture<MessageStats> stats(StatsQuery query) {
        return onStats.apply(query);
    }

    @Override
    public CompletableFuture<Page<FailureGroup>> failureGroups(FailureGroupQuery query) {
        return CompletableFuture.completedFuture(new Page<>(List.of(), null, 0, true));
    }

    @Override
    public CompletableFuture<RedeliveryJob> createRedeliveryJob(RedeliveryJobCreate request) {
        return CompletableFuture.failedFuture(forbidden());
    }

    @Override
    public CompletableFuture<Page<RedeliveryJob>> redeliveryJobs(List<JobState> states, int limit, String cursor) {
        return CompletableFuture.completedFuture(new Page<>(List.of(), null, 0, true));
    }

    @Override
    public CompletableFuture<RedeliveryJob> redeliveryJob(UUID jobId) {
        jobsAsked.add(jobId);
        return CompletableFuture.failedFuture(notFound());
    }

    @Override
    public CompletableFuture<Page<RedeliveryJobItem>> redeliveryJobItems(UUID jobId, RedeliveryItemOutcome outcome,
                                                                         int limit, String cursor) {
        return CompletableFuture.completedFuture(new Page<>(List.of(), null, 0, true));
    }

    @Override
    public CompletableFuture<RedeliveryJob> cancelRedeliveryJob(UUID jobId, String reason) {
        return CompletableFuture.failedFuture(notFound());
    }

    @Override
    public CompletableFuture<Long> export(MessageSearch search, ExportFormat format, int maxRows, Path target) {
        return CompletableFuture.failedFuture(forbidden());
    }

    @Override
    public LiveStream stream(StreamFilter filter, int bufferCapacity) {
        streams.add(filter);
        stream = new FakeLiveStream();
        return stream;
    }

    /** A live stream the test feeds by hand. */
    static final class FakeLiveStream implements LiveStream {
        final List<MessageSummary> buffer = new ArrayList<>();
        long dropped;
        long resets;
        State state = State.OPEN;
        int drains;

        void push(MessageSummary... messages) {
            buffer.addAll(List.of(messages));
        }

        @Override
        public List<MessageSummary> drain(int max) {
            drains++;
            List<MessageSummary> out = new ArrayList<>(buffer.subList(0, Math.min(max, buffer.size())));
            buffer.subList(0, out.size()).clear();
            return out;
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

    /** The backbone around the fake: only messages (and the summary) answer. */
    static final class Backbone implements BackboneApi {
        final FakeMessagesApi messages;
        private final ConnectionMonitor connection = new ConnectionMonitor();
        private final Role role;

        Backbone(FakeMessagesApi messages, Role role) {
            this.messages = messages;
            this.role = role;
        }

        @Override
        public String baseUrl() {
            return "http://fake";
        }

        @Override
        public CompletableFuture<ServerHealth> health() {
            return CompletableFuture.completedFuture(new ServerHealth("ok", "1", "v1", "sandbox", "h2"));
        }

        @Override
        public CompletableFuture<Principal> me() {
            return CompletableFuture.completedFuture(new Principal("Tester", role, 1));
        }

        @Override
        public CompletableFuture<RegistrationSummary> registrationSummary() {
            return CompletableFuture.failedFuture(notFound());
        }

        @Override
        public CompletableFuture<MessageFlowSummary> messageFlowSummary() {
            return CompletableFuture.completedFuture(new MessageFlowSummary(100, 5, 3, 2));
        }

        @Override
        public CompletableFuture<MigrationSummary> migrationSummary() {
            return CompletableFuture.failedFuture(notFound());
        }

        /**
         * The directory as the message workspace reads it: the interaction catalogue's titles and the
         * endpoints in {@link FakeMessagesApi#endpoints}; nothing else is faked.
         */
        @Override
        public RegistrationsApi registrations() {
            return (RegistrationsApi) java.lang.reflect.Proxy.newProxyInstance(RegistrationsApi.class.getClassLoader(),
                    new Class<?>[] {RegistrationsApi.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "interactions" -> CompletableFuture.completedFuture(new io.spineconsole.domain.registrations
                                .InteractionList(List.of(new io.spineconsole.domain.registrations.Interaction(
                                "urn:nhs:names:services:psis:REPC_IN150016UK05", "urn:nhs:names:services:psis",
                                "REPC_IN150016UK05", io.spineconsole.domain.messages.MessagingPattern.ASYNC_RELIABLE,
                                "Summary Care Record upload"))));
                        case "endpoint" -> messages.endpoints.containsKey(args[0])
                                ? CompletableFuture.completedFuture(messages.endpoints.get(args[0]))
                                : CompletableFuture.failedFuture(notFound());
                        default -> throw new UnsupportedOperationException("not faked: " + method.getName());
                    });
        }

        @Override
        public MessagesApi messages() {
            return messages;
        }

        @Override
        public MigrationApi migration() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditApi audit() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokensApi tokens() {
            throw new UnsupportedOperationException("not faked");
        }

        @Override
        public ConnectionMonitor connection() {
            return connection;
        }

        @Override
        public void close() {
        }
    }
}
