package io.spineconsole.domain.migration;


import java.util.List;

/** A component search: every member optional; {@code sort} as in openapi.yaml (code, -wave, state...). */
public record ComponentQuery(List<ComponentState> states, Integer wave, String site, String owner, String q,
                             String sort, Integer limit, String cursor) {
    public static ComponentQuery all() {
        return new ComponentQuery(List.of(), null, null, null, null, null, null, null);
    }

    public ComponentQuery withCursor(String next) {
        return new ComponentQuery(states, wave, site, owner, q, sort, limit, next);
    }
}
