package io.spineconsole.domain.audit;

import java.util.List;

/**
 * The words of the audit log: the entity types and actions of openapi.yaml's {@code EntityType} and
 * {@code AuditAction}, in its order. The server writes no others (its audit log refuses them) and filters by
 * them; the console's audit browser offers them. One list for both, so a new kind of audited change reaches the
 * console's filters with it.
 */
public final class AuditVocabulary {
    /** What an entry is about ({@code audit-log}: an export of the log itself). */
    public static final List<String> ENTITY_TYPES = List.of("organisation", "accredited-system", "endpoint", "message",
            "redelivery-job", "site", "component", "wave", "runbook-step", "checklist-item", "site-checklist", "token",
            "sandbox-traffic", "scenario-run", "audit-log", "drift-expectation", "alert-rule", "alert");
    /** What was done. */
    public static final List<String> ACTIONS = List.of("create", "update", "delete", "transition", "import", "export",
            "redeliver", "cancel", "sign-off", "revoke", "view-payload", "set-expiry", "discard", "mark-expected",
            "unmark-expected", "acknowledge", "snooze");

    private AuditVocabulary() {
    }
}
