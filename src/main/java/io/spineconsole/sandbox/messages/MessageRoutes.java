package io.spineconsole.sandbox.messages;

import io.javalin.http.Context;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.messages.CancelRequest;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.RedeliverRequest;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxServer;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.FieldErrors;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/** The admin API's message-flow operations (openapi.yaml tag "messages", except the summary). */
final class MessageRoutes implements RouteGroup {
    private final SandboxContext context;
    private final MessageStore store;
    private final Redelivery redelivery;
    private final RedeliveryJobs jobs;
    private final StatsStore stats;
    private final Payloads payloads;
    private final MessageStream streamRoute;
    private final MessageExport export;

    MessageRoutes(SandboxContext context, MessageStore store, MessageIngest ingest, Redelivery redelivery,
                  RedeliveryJobs jobs, StatsStore stats, StreamHub stream, Payloads payloads) {
        this.context = context;
        this.store = store;
        this.redelivery = redelivery;
        this.jobs = jobs;
        this.stats = stats;
        this.payloads = payloads;
        this.streamRoute = new MessageStream(stream, context.mapper(), context.clock());
        this.export = new MessageExport(store, context);
    }

    @Override
    public void register(Routes routes) {
        // Fixed paths first: they would otherwise match /api/v1/messages/{messageId}.
        routes.get("/api/v1/messages", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(search(ctx)));
        routes.get("/api/v1/messages/stats", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(stats(ctx)));
        routes.get("/api/v1/messages/failure-groups", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(failureGroups(ctx)));
        routes.raw().get("/api/v1/messages/stream", streamRoute::handle, Access.VIEWER);
        routes.raw().get("/api/v1/messages/export", export::handle, Access.OPERATOR);
        routes.get("/api/v1/messages/{messageId}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            MessageDetail detail = detail(MessageParams.pathUuid(ctx, "messageId"));
            return ApiResponse.ok(detail).etag(detail.version());
        });
        routes.get("/api/v1/messages/{messageId}/payload", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "messageId");
            MessageDetail detail = detail(id);
            context.sql().inTransaction(c -> {
                context.audit().record(c, caller, "view-payload", "message", upper(id), null, null, null);
                return null;
            });
            return ApiResponse.ok(payloads.payload(detail.summary()));
        });
        routes.postIdempotent("/api/v1/messages/{messageId}/redeliver", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "messageId");
            RedeliverRequest request = Requests.body(ctx, context.mapper(), RedeliverRequest.class);
            new FieldErrors().check("reason", "OUT_OF_RANGE", reasonProblem(request.reason())).throwIfAny();
            UUID copy = redelivery.redeliverNow(context.sql(), caller, id, request.reason());
            MessageDetail detail = detail(copy);
            return ApiResponse.created(detail, "/api/v1/messages/" + upper(copy)).etag(detail.version());
        });
        routes.get("/api/v1/dead-letters", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "ods", "partyKey", "interaction", "site", "from", "to", "redelivered",
                    "limit", "cursor");
            MessageSearch filter = MessageSearch.all().withParties(MessageParams.ods(q), null, MessageParams.partyKey(q))
                    .withInteraction(MessageParams.interaction(q)).withSite(MessageParams.site(q))
                    .withWindow(q.instant("from").orElse(null), q.instant("to").orElse(null))
                    .withLimit(MessageParams.limit(q)).withCursor(MessageParams.cursor(q));
            return ApiResponse.ok(store.deadLetters(filter, q.bool("redelivered").orElse(null), context.clock().instant()));
        });
        routes.postIdempotent("/api/v1/redelivery-jobs", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            RedeliveryJob job = jobs.create(caller, Requests.body(ctx, context.mapper(), RedeliveryJobCreate.class));
            return ApiResponse.accepted(job, "/api/v1/redelivery-jobs/" + job.id()).etag(job.version());
        });
        routes.get("/api/v1/redelivery-jobs", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "state", "limit", "cursor");
            List<JobState> states = q.allCoded("state", JobState.class).stream().distinct().toList();
            return ApiResponse.ok(jobs.list(states, MessageParams.limit(q), MessageParams.cursor(q)));
        });
        routes.get("/api/v1/redelivery-jobs/{jobId}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "jobId");
            RedeliveryJob job = jobs.job(id).orElseThrow(() -> ProblemException.notFound("Redelivery job " + id));
            return ApiResponse.ok(job).etag(job.version());
        });
        routes.get("/api/v1/redelivery-jobs/{jobId}/items", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "outcome", "limit", "cursor");
            UUID id = MessageParams.pathUuid(ctx, "jobId");
            RedeliveryItemOutcome outcome = q.coded("outcome", RedeliveryItemOutcome.class).orElse(null);
            return ApiResponse.ok(jobs.items(id, outcome, MessageParams.limit(q), MessageParams.cursor(q)));
        });
        routes.postIdempotent("/api/v1/redelivery-jobs/{jobId}/cancel", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "jobId");
            Long ifMatch = ctx.header("If-Match") == null ? null : Etags.requireIfMatch(ctx);
            String reason = null;
            if (ctx.bodyAsBytes().length > 0) {
                reason = Requests.body(ctx, context.mapper(), CancelRequest.class).reason();
                if (reason != null) {
                    new FieldErrors().check("reason", "OUT_OF_RANGE", reasonProblem(reason)).throwIfAny();
                }
            }
            RedeliveryJob job = jobs.cancel(caller, id, ifMatch, reason);
            return ApiResponse.ok(job).etag(job.version());
        });
    }

    private Page<io.spineconsole.domain.messages.MessageSummary> search(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Stream.concat(Arrays.stream(MessageParams.FILTERS),
                Stream.of("limit", "cursor")).toArray(String[]::new));
        return store.search(MessageParams.search(q, MessageParams.limit(q), MessageParams.cursor(q)),
                context.clock().instant());
    }

    private io.spineconsole.domain.messages.MessageStats stats(Context ctx) {
        QueryParams q = QueryParams.of(ctx, "groupBy", "from", "to", "bucket", "top", "interaction", "ods", "site",
                "endpointId");
        StatsQuery query = new StatsQuery(q.coded("groupBy", StatsGroup.class).orElse(null), q.instant("from").orElse(null),
                q.instant("to").orElse(null), q.coded("bucket", StatsBucket.class).orElse(null),
                q.integer("top", 1, 50, 10), MessageParams.interaction(q), MessageParams.ods(q), MessageParams.site(q),
                MessageParams.uuid(q, "endpointId").orElse(null));
        return stats.stats(query, context.clock().instant());
    }

    private Page<FailureGroup> failureGroups(Context ctx) {
        QueryParams q = QueryParams.of(ctx, "from", "to", "interaction", "ods", "partyKey", "site", "limit", "cursor");
        MessageStore.Window w = MessageStore.Window.resolve(q.instant("from").orElse(null), q.instant("to").orElse(null),
                context.clock().instant(), Duration.ofHours(24));
        return store.failureGroups(w, MessageParams.interaction(q), MessageParams.ods(q), MessageParams.partyKey(q),
                MessageParams.site(q), MessageParams.limit(q), MessageParams.cursor(q));
    }

    private MessageDetail detail(UUID id) {
        return store.detail(id).orElseThrow(() -> ProblemException.notFound("Message " + upper(id)));
    }

    static java.util.Optional<String> reasonProblem(String reason) {
        if (reason == null || reason.strip().length() < 3 || reason.length() > 500) {
            return java.util.Optional.of("Give a reason of 3 to 500 characters.");
        }
        return java.util.Optional.empty();
    }

    static String upper(UUID id) {
        return id.toString().toUpperCase(Locale.ROOT);
    }

    static Principal caller(Context ctx) {
        return SandboxServer.principal(ctx);
    }

    static ExportFormat format(QueryParams q) {
        return q.coded("format", ExportFormat.class).orElse(ExportFormat.CSV);
    }
}
