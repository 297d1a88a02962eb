package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JavaType;
import io.spineconsole.api.Intent;
import io.spineconsole.api.LiveStream;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.CancelRequest;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.DiscardRequest;
import io.spineconsole.domain.messages.DiscardResult;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.ExportResult;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.FailureGroupQuery;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliverRequest;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.domain.messages.StreamFilter;
import okhttp3.Request;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link MessagesApi} over HTTP. */
final class HttpMessagesApi implements MessagesApi {
    private final HttpTransport http;

    HttpMessagesApi(HttpTransport http) {
        this.http = http;
    }

    private JavaType pageOf(Class<?> item) {
        return http.types().constructParametricType(Page.class, item);
    }

    private static List<String> codes(List<? extends Coded> values) {
        return values == null ? List.of() : values.stream().map(Coded::code).toList();
    }

    /** The search's filters as query parameters, shared by search and export. */
    static Map<String, Object> filters(MessageSearch s) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("messageId", s.messageId());
        q.put("conversationId", s.conversationId());
        q.put("ods", s.ods());
        q.put("asid", s.asid());
        q.put("partyKey", s.partyKey());
        q.put("interaction", s.interaction());
        q.put("status", codes(s.statuses()));
        q.put("site", s.site());
        q.put("endpointId", s.endpointId());
        q.put("signature", s.signature());
        q.put("from", s.from());
        q.put("to", s.to());
        q.put("sort", s.oldestFirst() ? "received-at" : null);
        return q;
    }

    @Override
    public CompletableFuture<Page<MessageSummary>> search(MessageSearch search) {
        Map<String, Object> q = filters(search);
        q.put("limit", search.limit());
        q.put("cursor", search.cursor());
        return http.get("api/v1/messages", q, pageOf(MessageSummary.class));
    }

    @Override
    public CompletableFuture<SearchPlan> searchPlan(MessageSearch search) {
        Map<String, Object> q = filters(search);
        q.put("limit", search.limit());
        return http.postQuery("api/v1/messages/search-plan", q, http.types().constructType(SearchPlan.class));
    }

    @Override
    public CompletableFuture<MessageDetail> message(UUID messageId) {
        return http.get("api/v1/messages/" + messageId, null, MessageDetail.class);
    }

    @Override
    public CompletableFuture<MessagePayload> payload(UUID messageId) {
        return http.get("api/v1/messages/" + messageId + "/payload", null, MessagePayload.class);
    }

    @Override
    public CompletableFuture<MessageDetail> redeliver(UUID messageId, RedeliverRequest request, Intent intent) {
        return http.post("api/v1/messages/" + messageId + "/redeliver", null, request,
                http.types().constructType(MessageDetail.class), intent);
    }

    @Override
    public CompletableFuture<Page<DeadLetter>> deadLetters(DeadLetterQuery query) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("ods", query.ods());
        q.put("partyKey", query.partyKey());
        q.put("interaction", query.interaction());
        q.put("site", query.site());
        q.put("from", query.from());
        q.put("to", query.to());
        q.put("redelivered", query.redelivered());
        q.put("limit", query.limit());
        q.put("cursor", query.cursor());
        return http.get("api/v1/dead-letters", q, pageOf(DeadLetter.class));
    }

    @Override
    public CompletableFuture<Page<DeadLetterGroup>> deadLetterGroups(java.time.Instant from, java.time.Instant to) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("from", from);
        q.put("to", to);
        return http.get("api/v1/dead-letters/groups", q, pageOf(DeadLetterGroup.class));
    }

    @Override
    public CompletableFuture<DiscardResult> discardDeadLetters(DiscardRequest request, Intent intent) {
        return http.post("api/v1/dead-letters/discard", null, request, http.types().constructType(DiscardResult.class),
                intent);
    }

    @Override
    public CompletableFuture<MessageStats> stats(StatsQuery query) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("groupBy", query.groupBy() == null ? null : query.groupBy().code());
        q.put("from", query.from());
        q.put("to", query.to());
        q.put("bucket", query.bucket() == null ? null : query.bucket().code());
        q.put("top", query.top());
        q.put("interaction", query.interaction());
        q.put("ods", query.ods());
        q.put("site", query.site());
        q.put("endpointId", query.endpointId());
        return http.get("api/v1/messages/stats", q, MessageStats.class);
    }

    @Override
    public CompletableFuture<Page<FailureGroup>> failureGroups(FailureGroupQuery query) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("from", query.from());
        q.put("to", query.to());
        q.put("interaction", query.interaction());
        q.put("ods", query.ods());
        q.put("partyKey", query.partyKey());
        q.put("site", query.site());
        q.put("limit", query.limit());
        q.put("cursor", query.cursor());
        return http.get("api/v1/messages/failure-groups", q, pageOf(FailureGroup.class));
    }

    @Override
    public CompletableFuture<EndpointHealthPage> endpointHealth(EndpointHealthQuery query) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("window", query.window() == null ? null : query.window().toString());
        q.put("groupBy", query.groupBy() == null ? null : query.groupBy().code());
        q.put("sort", query.sort() == null ? null : query.sort().code());
        q.put("order", query.reverse() ? "reverse" : null);
        q.put("q", query.text() == null || query.text().isBlank() ? null : query.text().trim());
        q.put("ods", query.ods());
        q.put("failing", query.failingOnly() ? "true" : null);
        q.put("limit", query.limit());
        q.put("cursor", query.cursor());
        return http.get("api/v1/messages/endpoint-health", q, EndpointHealthPage.class);
    }

    @Override
    public CompletableFuture<RedeliveryJob> createRedeliveryJob(RedeliveryJobCreate request, Intent intent) {
        return http.post("api/v1/redelivery-jobs", null, request, http.types().constructType(RedeliveryJob.class),
                intent);
    }

    @Override
    public CompletableFuture<Page<RedeliveryJob>> redeliveryJobs(List<JobState> states, int limit, String cursor) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("state", codes(states));
        q.put("limit", limit);
        q.put("cursor", cursor);
        return http.get("api/v1/redelivery-jobs", q, pageOf(RedeliveryJob.class));
    }

    @Override
    public CompletableFuture<RedeliveryJob> redeliveryJob(UUID jobId) {
        return http.get("api/v1/redelivery-jobs/" + jobId, null, RedeliveryJob.class);
    }

    @Override
    public CompletableFuture<Page<RedeliveryJobItem>> redeliveryJobItems(UUID jobId, RedeliveryItemOutcome outcome,
                                                                         int limit, String cursor) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("outcome", outcome == null ? null : outcome.code());
        q.put("limit", limit);
        q.put("cursor", cursor);
        return http.get("api/v1/redelivery-jobs/" + jobId + "/items", q, pageOf(RedeliveryJobItem.class));
    }

    @Override
    public CompletableFuture<RedeliveryJob> cancelRedeliveryJob(UUID jobId, String reason) {
        return http.post("api/v1/redelivery-jobs/" + jobId + "/cancel", null, new CancelRequest(reason),
                http.types().constructType(RedeliveryJob.class));
    }

    @Override
    public CompletableFuture<ExportResult> export(MessageSearch search, ExportFormat format, int maxRows, Path target) {
        Map<String, Object> q = filters(search);
        q.put("format", format.code());
        q.put("maxRows", maxRows);
        Request request = new Request.Builder().url(http.url("api/v1/messages/export", q)).get()
                .header("Accept", format.mediaType()).build();
        return Downloads.toFile(http, request, target);
    }

    @Override
    public LiveStream stream(StreamFilter filter, int bufferCapacity) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("conversationId", filter.conversationId());
        q.put("ods", filter.ods());
        q.put("asid", filter.asid());
        q.put("partyKey", filter.partyKey());
        q.put("interaction", filter.interaction());
        q.put("status", codes(filter.statuses()));
        q.put("site", filter.site());
        q.put("endpointId", filter.endpointId());
        q.put("include", filter.newOnly() ? "new" : null);
        return HttpLiveStream.open(http, http.url("api/v1/messages/stream", q), bufferCapacity);
    }
}
