package io.spineconsole.sandbox.http.drive;

import io.spineconsole.sandbox.feed.KafkaFeed;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

/**
 * The sandbox's message feed from a Kafka topic (openapi.yaml tag "sandbox"): its state and lag on this instance,
 * and the records the group set aside. Admins only, as the other sandbox routes; a sandbox without a feed answers
 * {@code configured: false} and an empty quarantine.
 */
public final class FeedRoutes implements RouteGroup {
    private static final String BASE = "/api/v1/sandbox/feed";
    private final KafkaFeed feed;

    public FeedRoutes(KafkaFeed feed) {
        this.feed = feed;
    }

    @Override
    public void register(Routes routes) {
        routes.get(BASE, Access.ADMIN, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(feed.status());
        });
        routes.get(BASE + "/quarantine", Access.ADMIN, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "limit", "cursor");
            return ApiResponse.ok(feed.quarantined(p.cursor(), p.integer("limit", 1, 500, 100)));
        });
    }
}
