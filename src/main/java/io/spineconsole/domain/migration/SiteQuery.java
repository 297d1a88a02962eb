package io.spineconsole.domain.migration;


import java.util.List;

/** A site search: every member optional; {@code sort} is one of code, -code, name, -name. */
public record SiteQuery(SiteKind kind, List<SiteStatus> statuses, String q, String sort, Integer limit,
                        String cursor) {
    public static SiteQuery all() {
        return new SiteQuery(null, List.of(), null, null, null, null);
    }
}
