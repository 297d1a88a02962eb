package io.spineconsole.domain.migration;

import java.time.Instant;

/** One item of a site's decommission checklist, with its evidence and who confirmed it. */
public record ChecklistItem(String key, String title, String owner, boolean done, String evidence,
                            String signedOffBy, Instant signedOffAt,
                            long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
