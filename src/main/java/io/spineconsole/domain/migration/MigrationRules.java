package io.spineconsole.domain.migration;


import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.spineconsole.domain.migration.ComponentState.BLOCKED;
import static io.spineconsole.domain.migration.ComponentState.CUT_OVER;
import static io.spineconsole.domain.migration.ComponentState.DECOMMISSIONED;
import static io.spineconsole.domain.migration.ComponentState.DECOMMISSIONING;
import static io.spineconsole.domain.migration.ComponentState.MIGRATING;
import static io.spineconsole.domain.migration.ComponentState.PARALLEL_RUN;
import static io.spineconsole.domain.migration.ComponentState.PLANNED;
import static io.spineconsole.domain.migration.ComponentState.PREPARING;
import static io.spineconsole.domain.migration.ComponentState.ROLLED_BACK;

/**
 * The migration programme's rules, as tabled under {@code ComponentState}, {@code RunbookPhase}
 * and {@code SiteStatus} in openapi.yaml. The server enforces them; the console uses them to offer
 * only the moves that can be made.
 */
public final class MigrationRules {
    private static final Map<ComponentState, Set<ComponentState>> ALLOWED = Map.of(
            PLANNED, EnumSet.of(PREPARING, BLOCKED),
            PREPARING, EnumSet.of(MIGRATING, PLANNED, BLOCKED),
            MIGRATING, EnumSet.of(PARALLEL_RUN, ROLLED_BACK, BLOCKED),
            PARALLEL_RUN, EnumSet.of(CUT_OVER, ROLLED_BACK, BLOCKED),
            CUT_OVER, EnumSet.of(DECOMMISSIONING, ROLLED_BACK),
            DECOMMISSIONING, EnumSet.of(DECOMMISSIONED),
            DECOMMISSIONED, EnumSet.noneOf(ComponentState.class),
            BLOCKED, EnumSet.of(PLANNED, PREPARING, MIGRATING, PARALLEL_RUN),
            ROLLED_BACK, EnumSet.of(PLANNED, PREPARING, MIGRATING));

    /** The board's columns, in lifecycle order. */
    public static final List<ComponentState> LIFECYCLE = List.of(ComponentState.values());

    private MigrationRules() {
    }

    public static Set<ComponentState> allowedFrom(ComponentState from) {
        return ALLOWED.get(from);
    }

    public static boolean isAllowed(ComponentState from, ComponentState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The runbook phase whose required steps must be done before entering {@code to}, if any. */
    public static Optional<RunbookPhase> phaseGating(ComponentState to) {
        return Optional.ofNullable(switch (to) {
            case MIGRATING -> RunbookPhase.PREPARE;
            case PARALLEL_RUN -> RunbookPhase.MIGRATE;
            case CUT_OVER -> RunbookPhase.PARALLEL_RUN;
            case DECOMMISSIONING -> RunbookPhase.CUT_OVER;
            case DECOMMISSIONED -> RunbookPhase.DECOMMISSION;
            default -> null;
        });
    }

    /**
     * True when a component in this state no longer needs a data centre: it has cut over or gone
     * further. A site hosting only such components may be signed off.
     */
    public static boolean isCutOverOrLater(ComponentState state) {
        return state == CUT_OVER || state == DECOMMISSIONING || state == DECOMMISSIONED;
    }

    /** The states the burn-down and the summary count as still on premises. */
    public static boolean isOnPremisesState(ComponentState state) {
        return !isCutOverOrLater(state);
    }

    /** The standard decommission checklist of a data centre: key and title. */
    public static final List<Map.Entry<String, String>> STANDARD_CHECKLIST = List.of(
            Map.entry("traffic-drained", "No messages routed through the site for 30 days"),
            Map.entry("data-erased", "Data erased from storage and backups, with certificates of destruction"),
            Map.entry("certificates-revoked", "TLS and signing certificates issued to the site revoked"),
            Map.entry("dns-removed", "DNS records and load-balancer entries for the site removed"),
            Map.entry("hardware-disposed", "Hardware disposed of through an accredited supplier"),
            Map.entry("contracts-ended", "Hosting, network and support contracts ended"));
}
