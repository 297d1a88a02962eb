package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.ReadinessReasonCode;
import io.spineconsole.domain.migration.RunbookPhase;
import io.spineconsole.domain.migration.RunbookStepStatus;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The migration workspace's words for the programme's codes (states, site kinds, runbook phases,
 * audit actions) and its date formats. Every key is literal, so the i18n test sees it; a switch
 * over an enum fails to compile when a constant is added without its words.
 */
public final class MigrationLabels {
    private final I18n i18n;
    private final TimeText time;

    public MigrationLabels(I18n i18n, TimeText time) {
        this.i18n = i18n;
        this.time = time;
    }

    public I18n i18n() {
        return i18n;
    }

    /** The one way the workspace writes a time (UK time or UTC, as the user chose). */
    public TimeText time() {
        return time;
    }

    public ZoneId zone() {
        return time.zone();
    }

    public String state(ComponentState state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case PLANNED -> i18n.get("migration.state.planned");
            case PREPARING -> i18n.get("migration.state.preparing");
            case MIGRATING -> i18n.get("migration.state.migrating");
            case PARALLEL_RUN -> i18n.get("migration.state.parallelRun");
            case CUT_OVER -> i18n.get("migration.state.cutOver");
            case DECOMMISSIONING -> i18n.get("migration.state.decommissioning");
            case DECOMMISSIONED -> i18n.get("migration.state.decommissioned");
            case BLOCKED -> i18n.get("migration.state.blocked");
            case ROLLED_BACK -> i18n.get("migration.state.rolledBack");
        };
    }

    /** The state from its wire code ("parallel-run"), or the code itself when it is not one the console knows. */
    public String stateCode(String code) {
        if (code == null) {
            return "";
        }
        for (ComponentState s : ComponentState.values()) {
            if (s.code().equals(code)) {
                return state(s);
            }
        }
        return code;
    }

    /** The style class of a state: its lifecycle family, for the stripe beside the words. */
    public static String stateStyle(ComponentState state) {
        return "state-" + state.code();
    }

    public String siteStatus(SiteStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PLANNED -> i18n.get("migration.siteStatus.planned");
            case ACTIVE -> i18n.get("migration.siteStatus.active");
            case DRAINING -> i18n.get("migration.siteStatus.draining");
            case DECOMMISSIONED -> i18n.get("migration.siteStatus.decommissioned");
        };
    }

    public String siteKind(SiteKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case DATA_CENTRE -> i18n.get("migration.siteKind.dataCentre");
            case CLOUD_REGION -> i18n.get("migration.siteKind.cloudRegion");
        };
    }

    public String phase(RunbookPhase phase) {
        if (phase == null) {
            return "";
        }
        return switch (phase) {
            case PREPARE -> i18n.get("migration.phase.prepare");
            case MIGRATE -> i18n.get("migration.phase.migrate");
            case PARALLEL_RUN -> i18n.get("migration.phase.parallelRun");
            case CUT_OVER -> i18n.get("migration.phase.cutOver");
            case DECOMMISSION -> i18n.get("migration.phase.decommission");
        };
    }

    public String stepStatus(RunbookStepStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case TODO -> i18n.get("migration.stepStatus.todo");
            case IN_PROGRESS -> i18n.get("migration.stepStatus.inProgress");
            case DONE -> i18n.get("migration.stepStatus.done");
            case SKIPPED -> i18n.get("migration.stepStatus.skipped");
        };
    }

    /** A runbook step status from its wire code, or the code itself when unknown. */
    public String stepStatusCode(String code) {
        for (RunbookStepStatus s : RunbookStepStatus.values()) {
            if (s.code().equals(code)) {
                return stepStatus(s);
            }
        }
        return code == null ? "" : code;
    }

    public String readinessReason(ReadinessReasonCode code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case TRAFFIC_IN_WINDOW -> i18n.get("migration.reason.traffic");
            case COMPONENTS_HOSTED -> i18n.get("migration.reason.components");
            case CHECKLIST_INCOMPLETE -> i18n.get("migration.reason.checklist");
            case NOT_A_DATA_CENTRE -> i18n.get("migration.reason.notDataCentre");
            case ALREADY_DECOMMISSIONED -> i18n.get("migration.reason.alreadyDecommissioned");
        };
    }

    /** What an audit entry did, in words ("Moved", "Signed off"); an action the console does not know stays as sent. */
    public String auditAction(String action) {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case "create" -> i18n.get("migration.audit.create");
            case "update" -> i18n.get("migration.audit.update");
            case "delete" -> i18n.get("migration.audit.delete");
            case "transition" -> i18n.get("migration.audit.transition");
            case "sign-off" -> i18n.get("migration.audit.signOff");
            default -> action;
        };
    }

    /** What an audit entry was about, in words. */
    public String auditSubject(String entityType, String entityId) {
        String id = entityId == null ? "" : entityId;
        int slash = id.indexOf('/');
        String tail = slash < 0 ? id : id.substring(slash + 1);
        if (entityType == null) {
            return id;
        }
        return switch (entityType) {
            case "component" -> i18n.get("migration.audit.subject.component", id);
            case "runbook-step" -> i18n.get("migration.audit.subject.runbookStep", tail);
            case "site" -> i18n.get("migration.audit.subject.site", id);
            case "site-checklist" -> i18n.get("migration.audit.subject.checklist", id);
            case "checklist-item" -> i18n.get("migration.audit.subject.checklistItem", tail);
            default -> entityType + " " + id;
        };
    }

    /**
     * Where a component runs, in words: only in data centres, in both, only in the cloud, or nowhere.
     *
     * @param kinds the kind of each site the console knows of, by code
     */
    public String hosting(List<String> hostedAt, Map<String, SiteKind> kinds) {
        return switch (Hosting.of(hostedAt, kinds)) {
            case DATA_CENTRE_ONLY -> i18n.get("migration.hosting.dataCentreOnly");
            case HYBRID -> i18n.get("migration.hosting.hybrid");
            case CLOUD_ONLY -> i18n.get("migration.hosting.cloudOnly");
            case NOWHERE -> i18n.get("migration.hosting.nowhere");
        };
    }

    /** The hosting in a word or two, for a card or a graph box ("DC only", "Hybrid", "Cloud"). */
    public String hostingShort(Hosting hosting) {
        return switch (hosting) {
            case DATA_CENTRE_ONLY -> i18n.get("migration.hosting.short.dc");
            case HYBRID -> i18n.get("migration.hosting.short.hybrid");
            case CLOUD_ONLY -> i18n.get("migration.hosting.short.cloud");
            case NOWHERE -> i18n.get("migration.hosting.short.none");
        };
    }

    /** A time whose day the view does not imply (a sign-off, a last move): with the day, in the zone chosen. */
    public String dateTime(Instant at) {
        return time.dateTime(at);
    }

    /** A time with its zone named, for a sentence that stands alone ("Tue 1 Dec 07:56:13 GMT"). */
    public String dateTimeZoned(Instant at) {
        return at == null ? "" : i18n.get("migration.time.zoned", time.dateTime(at), time.zoneName(at));
    }

    public String date(java.time.LocalDate day) {
        return time.date(day);
    }

    public Locale locale() {
        return i18n.locale();
    }

    /** Where a component runs. */
    public enum Hosting {
        DATA_CENTRE_ONLY, HYBRID, CLOUD_ONLY, NOWHERE;

        public static Hosting of(List<String> hostedAt, Map<String, SiteKind> kinds) {
            if (hostedAt == null || hostedAt.isEmpty()) {
                return NOWHERE;
            }
            boolean dc = false;
            boolean cloud = false;
            for (String site : hostedAt) {
                SiteKind kind = kinds.get(site);
                if (kind == SiteKind.CLOUD_REGION) {
                    cloud = true;
                } else {
                    // an unknown site is treated as on premises: the cautious reading
                    dc = true;
                }
            }
            return dc && cloud ? HYBRID : dc ? DATA_CENTRE_ONLY : CLOUD_ONLY;
        }

        public String style() {
            return switch (this) {
                case DATA_CENTRE_ONLY -> "hosting-dc";
                case HYBRID -> "hosting-hybrid";
                case CLOUD_ONLY -> "hosting-cloud";
                case NOWHERE -> "hosting-none";
            };
        }
    }
}
