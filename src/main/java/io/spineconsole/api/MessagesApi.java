package io.spineconsole.api;

import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.DiscardRequest;
import io.spineconsole.domain.messages.DiscardResult;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.ExportResult;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.FailureGroupQuery;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliverRequest;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.domain.messages.StreamFilter;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The messages operations of the admin API (see openapi.yaml, tag "messages"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface MessagesApi {

    /** A page of messages; pass {@code nextCursor} back (with the same search) for the next. */
    CompletableFuture<Page<MessageSummary>> search(MessageSearch search);

    /**
     * What {@code search}'s first page will cost, before it runs: the store's plan (indexes or a scan, rows to read
     * and to return, whether the limit cuts it off) and a verdict against the server's threshold. Its cursor is not read.
     */
    CompletableFuture<SearchPlan> searchPlan(MessageSearch search);

    /** A message with its hop timeline and redelivery links. */
    CompletableFuture<MessageDetail> message(UUID messageId);

    /** The payload, pretty-printed and masked (the read is audited). */
    CompletableFuture<MessagePayload> payload(UUID messageId);

    /**
     * Redelivers one failed message (operator); answers the new copy. {@code intent}'s key goes with every
     * attempt (null: a new key, or the one an identical unanswered request went with), so however often it
     * is sent it is redelivered once. Refused (409, code ALREADY_REDELIVERED) while a copy of it is in flight
     * or was delivered, unless {@code request} forces it.
     */
    CompletableFuture<MessageDetail> redeliver(UUID messageId, RedeliverRequest request, Intent intent);

    /** Redelivers one failed message, not forced, as a new intent. */
    default CompletableFuture<MessageDetail> redeliver(UUID messageId, String reason) {
        return redeliver(messageId, RedeliverRequest.of(reason), null);
    }

    CompletableFuture<Page<DeadLetter>> deadLetters(DeadLetterQuery query);

    /** Dead letters not discarded, received in {@code from}..{@code to} (null: the last 7 days), by reason. */
    CompletableFuture<Page<DeadLetterGroup>> deadLetterGroups(java.time.Instant from, java.time.Instant to);

    /**
     * Discards dead letters (operator), all or none, with a reason; once for {@code intent} however often
     * it is sent (null: as for redeliver). A discarded message leaves the list and is not redelivered.
     */
    CompletableFuture<DiscardResult> discardDeadLetters(DiscardRequest request, Intent intent);

    CompletableFuture<MessageStats> stats(StatsQuery query);

    CompletableFuture<Page<FailureGroup>> failureGroups(FailureGroupQuery query);

    /** One row per receiving endpoint (or organisation) over a window, worst first by default, a page at a time. */
    CompletableFuture<EndpointHealthPage> endpointHealth(EndpointHealthQuery query);

    /** Starts a bulk redelivery job (operator), once for {@code intent} however often it is sent (null: as for redeliver). */
    CompletableFuture<RedeliveryJob> createRedeliveryJob(RedeliveryJobCreate request, Intent intent);

    /** Starts a bulk redelivery job (operator) as a new intent. */
    default CompletableFuture<RedeliveryJob> createRedeliveryJob(RedeliveryJobCreate request) {
        return createRedeliveryJob(request, null);
    }

    CompletableFuture<Page<RedeliveryJob>> redeliveryJobs(List<JobState> states, int limit, String cursor);

    CompletableFuture<RedeliveryJob> redeliveryJob(UUID jobId);

    CompletableFuture<Page<RedeliveryJobItem>> redeliveryJobItems(UUID jobId, RedeliveryItemOutcome outcome, int limit,
                                                                  String cursor);

    /** Cancels a queued or running job (operator); cancelling a cancelled job answers it unchanged. */
    CompletableFuture<RedeliveryJob> cancelRedeliveryJob(UUID jobId, String reason);

    /**
     * Streams a governed export of the search to {@code target} (operator; audited from start to end;
     * metadata only). Completes with the bytes written and whether {@code maxRows} cut it short.
     */
    CompletableFuture<ExportResult> export(MessageSearch search, ExportFormat format, int maxRows, Path target);

    /**
     * Opens the live stream: it reconnects by itself and resumes after the last event received,
     * keeps at most {@code bufferCapacity} messages until drained, and counts what it drops.
     */
    LiveStream stream(StreamFilter filter, int bufferCapacity);
}
