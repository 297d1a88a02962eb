package io.spineconsole.domain.migration;

import java.time.Instant;
import java.util.List;

/** A site's decommission checklist; its version changes with every item change and with sign-off. */
public record SiteChecklist(String siteCode, long version, List<ChecklistItem> items, boolean complete,
                            String signedOffBy, Instant signedOffAt, String signOffStatement) {
}
