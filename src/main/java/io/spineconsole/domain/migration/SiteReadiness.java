package io.spineconsole.domain.migration;

import java.time.Instant;
import java.util.List;

/** Whether a data centre may be decommissioned, from evidence: traffic, hosting and checklist. */
public record SiteReadiness(String siteCode, int days, boolean ready, long messagesInWindow, Instant lastMessageAt,
                            List<String> componentsHosted, boolean checklistComplete, List<Reason> reasons,
                            Instant evaluatedAt) {

    /** One unmet condition. */
    public record Reason(ReadinessReasonCode code, String message, String component) {
    }
}
