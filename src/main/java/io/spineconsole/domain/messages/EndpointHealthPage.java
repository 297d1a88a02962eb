package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.List;

/**
 * A page of endpoint health rows with the window they cover ({@code from} is the clock hour the
 * asked window starts in) and the length of one sparkline bucket.
 */
public record EndpointHealthPage(List<EndpointHealth> items, String nextCursor, long approximateTotal,
                                 boolean totalIsExact, Instant from, Instant to, StatsBucket sparkBucket) {
    public EndpointHealthPage {
        items = List.copyOf(items);
    }
}
