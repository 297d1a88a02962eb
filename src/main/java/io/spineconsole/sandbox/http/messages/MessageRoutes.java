package io.spineconsole.sandbox.http.messages;

import io.javalin.http.Context;
import io.spineconsole.api.Page;
import io.spineconsole.domain.messages.CancelRequest;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.DiscardRequest;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliverRequest;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;
import io.spineconsole.sandbox.messages.MessageStore;
import io.spineconsole.sandbox.messages.MessagesModule;
import io.spineconsole.sandbox.messages.RedeliveryJobs;
import io.spineconsole.sandbox.messages.RedeliveryLineage;
import io.spineconsole.sandbox.outcome.Version;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import static io.spineconsole.sandbox.http.Callers.actor;

/** The admin API's message-flow operations (openapi.yaml tag "messages", except the summary). */
public final class MessageRoutes implements RouteGroup {
    private final SandboxContext context;
    private final MessagesModule messages;
    private final MessageStore store;
    private final RedeliveryJobs jobs;
    private final MessageStreamRoute streamRoute;
    private final MessageExportRoute export;
    private final RedeliveryLineage lineage;

    public MessageRoutes(SandboxContext context, MessagesModule messages) {
        this.context = context;
        this.messages = messages;
        this.store = messages.store();
        this.jobs = messages.jobs();
        this.streamRoute = new MessageStreamRoute(messages.stream(), context.mapper(), context.clock());
        this.export = new MessageExportRoute(messages.export(), context);
        this.lineage = new RedeliveryLineage(context.sql());
    }

    @Override
    public void register(Routes routes) {
        // Fixed paths first: they would otherwise match /api/v1/messages/{messageId}.
        routes.get("/api/v1/messages", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(search(ctx)));
        routes.post("/api/v1/messages/search-plan", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(plan(ctx)));
        routes.get("/api/v1/messages/stats", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(stats(ctx)));
        routes.get("/api/v1/messages/endpoint-health", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(health(ctx)));
        routes.get("/api/v1/messages/failure-groups", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(failureGroups(ctx)));
        routes.raw().get("/api/v1/messages/stream", streamRoute::handle, Access.VIEWER);
        routes.raw().get("/api/v1/messages/export", export::handle, Access.OPERATOR);
        routes.get("/api/v1/messages/{messageId}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "messageId");
            MessageDetail detail = store.detail(id).withLineage(lineage.of(id));
            return ApiResponse.ok(detail).etag(detail.version());
        });
        routes.get("/api/v1/messages/{messageId}/payload", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "messageId");
            return ApiResponse.ok(messages.payloads().view(actor(ctx), id));
        });
        routes.postIdempotent("/api/v1/messages/{messageId}/redeliver", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "messageId");
            RedeliverRequest request = Requests.body(ctx, context.mapper(), RedeliverRequest.class);
            UUID copy = messages.redelivery().redeliverNow(actor(ctx), id, request.reason(), request.forced());
            MessageDetail detail = store.detail(copy).withLineage(lineage.of(copy));
            return ApiResponse.created(detail, "/api/v1/messages/" + copy.toString().toUpperCase(Locale.ROOT))
                    .etag(detail.version());
        });
        routes.get("/api/v1/dead-letters", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "ods", "partyKey", "interaction", "site", "from", "to", "redelivered",
                    "limit", "cursor");
            MessageSearch filter = MessageSearch.all().withParties(MessageParams.ods(q), null, MessageParams.partyKey(q))
                    .withInteraction(MessageParams.interaction(q)).withSite(MessageParams.site(q))
                    .withWindow(q.instant("from").orElse(null), q.instant("to").orElse(null))
                    .withLimit(MessageParams.limit(q));
            String cursor = MessageParams.cursor(q);
            Boolean redelivered = q.bool("redelivered").orElse(null);
            return ApiResponse.ok(store.deadLetters(filter, redelivered, MessageParams.decode(cursor),
                    context.clock().instant()));
        });
        routes.get("/api/v1/dead-letters/groups", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "from", "to");
            MessageStore.Window w = MessageStore.Window.resolve(q.instant("from").orElse(null),
                    q.instant("to").orElse(null), context.clock().instant(), Duration.ofDays(7));
            List<DeadLetterGroup> groups = messages.discards().groups(w.from(), w.to());
            return ApiResponse.ok(new Page<>(groups, null, groups.size(), true));
        });
        routes.postIdempotent("/api/v1/dead-letters/discard", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            DiscardRequest request = Requests.body(ctx, context.mapper(), DiscardRequest.class);
            return ApiResponse.ok(messages.discards().discard(actor(ctx), request.messageIds(), request.reason()));
        });
        routes.postIdempotent("/api/v1/redelivery-jobs", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            RedeliveryJob job = jobs.create(actor(ctx), Requests.body(ctx, context.mapper(), RedeliveryJobCreate.class));
            return ApiResponse.accepted(job, "/api/v1/redelivery-jobs/" + job.id()).etag(job.version());
        });
        routes.get("/api/v1/redelivery-jobs", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "state", "limit", "cursor");
            List<JobState> states = q.allCoded("state", JobState.class).stream().distinct().toList();
            int limit = MessageParams.limit(q);
            return ApiResponse.ok(jobs.list(states, limit, MessageParams.decode(MessageParams.cursor(q))));
        });
        routes.get("/api/v1/redelivery-jobs/{jobId}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            RedeliveryJob job = jobs.job(MessageParams.pathUuid(ctx, "jobId"));
            return ApiResponse.ok(job).etag(job.version());
        });
        routes.get("/api/v1/redelivery-jobs/{jobId}/items", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "outcome", "limit", "cursor");
            UUID id = MessageParams.pathUuid(ctx, "jobId");
            RedeliveryItemOutcome outcome = q.coded("outcome", RedeliveryItemOutcome.class).orElse(null);
            int limit = MessageParams.limit(q);
            return ApiResponse.ok(jobs.items(id, outcome, limit, MessageParams.decode(MessageParams.cursor(q))));
        });
        routes.postIdempotent("/api/v1/redelivery-jobs/{jobId}/cancel", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            UUID id = MessageParams.pathUuid(ctx, "jobId");
            Version version = ctx.header("If-Match") == null ? null : Etags.ifMatch(ctx);
            String reason = null;
            if (ctx.bodyAsBytes().length > 0) {
                reason = Requests.body(ctx, context.mapper(), CancelRequest.class).reason();
            }
            RedeliveryJob job = jobs.cancel(actor(ctx), id, version, reason);
            return ApiResponse.ok(job).etag(job.version());
        });
    }

    private Page<MessageSummary> search(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Stream.concat(Arrays.stream(MessageParams.FILTERS),
                Stream.of("limit", "cursor")).toArray(String[]::new));
        int limit = MessageParams.limit(q);
        String cursor = MessageParams.cursor(q);
        MessageSearch search = MessageParams.search(q, limit);
        return store.search(search, MessageParams.decode(cursor), context.clock().instant());
    }

    /** The plan of the search the same filters and limit would run (read-only: a POST only because it asks the store to plan). */
    private SearchPlan plan(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Stream.concat(Arrays.stream(MessageParams.FILTERS), Stream.of("limit"))
                .toArray(String[]::new));
        MessageSearch search = MessageParams.search(q, MessageParams.limit(q));
        return messages.plans().plan(search, context.clock().instant());
    }

    private MessageStats stats(Context ctx) {
        QueryParams q = QueryParams.of(ctx, "groupBy", "from", "to", "bucket", "top", "interaction", "ods", "site",
                "endpointId");
        StatsQuery query = new StatsQuery(q.coded("groupBy", StatsGroup.class).orElse(null), q.instant("from").orElse(null),
                q.instant("to").orElse(null), q.coded("bucket", StatsBucket.class).orElse(null),
                q.integer("top", 1, 50, 10), MessageParams.interaction(q), MessageParams.ods(q), MessageParams.site(q),
                MessageParams.uuid(q, "endpointId").orElse(null));
        return messages.stats().stats(query, context.clock().instant());
    }

    private EndpointHealthPage health(Context ctx) {
        QueryParams q = QueryParams.of(ctx, "window", "groupBy", "sort", "order", "q", "ods", "failing", "limit", "cursor");
        Duration window = q.string("window").map(MessageRoutes::window).orElse(null);
        HealthGroup groupBy = q.coded("groupBy", HealthGroup.class).orElse(null);
        HealthSort sort = q.coded("sort", HealthSort.class).orElse(null);
        boolean reverse = q.string("order").map(o -> switch (o) {
            case "natural" -> false;
            case "reverse" -> true;
            default -> throw ProblemException.badParameter("query.order", "INVALID_VALUE",
                    "'" + o + "' is not a valid order. Use one of: natural, reverse.");
        }).orElse(false);
        String text = q.string("q").orElse(null);
        if (text != null && text.length() > 100) {
            throw ProblemException.badParameter("query.q", "TOO_LONG", "'q' must be at most 100 characters.");
        }
        EndpointHealthQuery query = new EndpointHealthQuery(window, groupBy, sort, reverse, text, MessageParams.ods(q),
                q.bool("failing").orElse(false), MessageParams.limit(q), MessageParams.cursor(q));
        return messages.health().health(query, context.clock().instant());
    }

    private static Duration window(String text) {
        try {
            Duration d = Duration.parse(text);
            if (!d.isNegative()) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // worded below
        }
        throw ProblemException.badParameter("query.window", "INVALID_DURATION",
                "'window' must be an ISO-8601 duration from PT15M to P7D, for example PT1H or P1D.");
    }

    private Page<FailureGroup> failureGroups(Context ctx) {
        QueryParams q = QueryParams.of(ctx, "from", "to", "interaction", "ods", "partyKey", "site", "limit", "cursor");
        MessageStore.Window w = MessageStore.Window.resolve(q.instant("from").orElse(null), q.instant("to").orElse(null),
                context.clock().instant(), Duration.ofHours(24));
        return store.failureGroups(w, MessageParams.interaction(q), MessageParams.ods(q), MessageParams.partyKey(q),
                MessageParams.site(q), MessageParams.limit(q), MessageParams.decode(MessageParams.cursor(q)));
    }
}
