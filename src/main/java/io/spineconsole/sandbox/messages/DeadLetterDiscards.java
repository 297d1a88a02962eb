package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.DiscardResult;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Dead letters grouped by reason, and discarded with a reason: a discarded message keeps its row and
 * its history (a timeline event "Discarded by …: reason"), leaves the dead-letter list and the
 * dead-letter count, and can no longer be redelivered. Each discard is audited per message.
 */
public final class DeadLetterDiscards {
    /** The most dead letters one discard takes. */
    public static final int MAX_IDS = 1000;
    /** What a dead-letter read adds so discarded messages are left out. */
    public static final String NOT_DISCARDED =
            "NOT EXISTS (SELECT 1 FROM dead_letter_discard d WHERE d.message_id = message.message_id)";
    static final String DISCARD_CODE = "DISCARDED";

    private final Sql sql;
    private final MessageStore store;
    private final AuditLog audit;
    private final Clock clock;

    DeadLetterDiscards(Sql sql, MessageStore store, AuditLog audit, Clock clock) {
        this.sql = sql;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Dead letters not discarded, created in {@code from}..{@code to}, by reason: largest group first. */
    public List<DeadLetterGroup> groups(Instant from, Instant to) {
        Map<String, DeadLetterGroup> byReason = new LinkedHashMap<>();
        sql.list("SELECT error_code AS code, error_description AS description, COUNT(*) AS n, "
                + "MAX(updated_at) AS newest, MIN(updated_at) AS oldest FROM message WHERE status = 'dead-lettered' "
                + "AND created_at >= ? AND created_at < ? AND " + NOT_DISCARDED
                + " GROUP BY error_code, error_description", r -> {
            String code = r.getString("code") == null ? "14" : r.getString("code");
            String description = r.getString("description") == null ? "Dead-lettered" : r.getString("description");
            DeadLetterGroup one = new DeadLetterGroup(code, DeadLetterGroup.causeOf(description), r.getLong("n"),
                    Sql.instant(r, "newest"), Sql.instant(r, "oldest"), description);
            byReason.merge(code + "\u0000" + one.cause(), one, DeadLetterDiscards::merge);
            return one;
        }, from, to);
        List<DeadLetterGroup> groups = new ArrayList<>(byReason.values());
        groups.sort(Comparator.comparingLong(DeadLetterGroup::count).reversed()
                .thenComparing(DeadLetterGroup::reasonCode).thenComparing(DeadLetterGroup::cause));
        return groups;
    }

    private static DeadLetterGroup merge(DeadLetterGroup a, DeadLetterGroup b) {
        boolean bNewer = b.newest().isAfter(a.newest());
        return new DeadLetterGroup(a.reasonCode(), a.cause(), a.count() + b.count(), bNewer ? b.newest() : a.newest(),
                b.oldest().isBefore(a.oldest()) ? b.oldest() : a.oldest(),
                bNewer ? b.sampleDescription() : a.sampleDescription());
    }

    /**
     * Discards the dead letters named, all or none: each must be a dead letter not yet discarded.
     * The reason is required (3 to 500 characters); 1 to {@value #MAX_IDS} ids.
     */
    public DiscardResult discard(Actor actor, List<UUID> messageIds, String reason) {
        Issues issues = new Issues();
        Redelivery.checkReason(issues, reason);
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_IDS) {
            issues.add("messageIds", "OUT_OF_RANGE", "Name 1 to " + MAX_IDS + " dead letters to discard.");
        } else if (messageIds.contains(null)) {
            issues.add("messageIds", "REQUIRED", "Every entry must be a message id.");
        }
        issues.throwIfAny();
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(messageIds));
        String why = reason.strip();
        sql.inTransaction(c -> {
            Instant now = clock.instant();
            List<Issue> refused = new ArrayList<>();
            for (UUID id : ids) {
                MessageRow row = store.row(c, id).orElseThrow(() -> new NotFound("Message " + upper(id)));
                if (row.status != MessageStatus.DEAD_LETTERED) {
                    refused.add(new Issue("messageIds", "NOT_DEAD_LETTERED", "Message " + upper(id) + " is "
                            + row.status.code() + ", not dead-lettered."));
                } else if (isDiscarded(c, id)) {
                    refused.add(new Issue("messageIds", "ALREADY_DISCARDED", "Message " + upper(id)
                            + " was already discarded."));
                }
                if (!refused.isEmpty()) {
                    continue;
                }
                Sql.update(c, "INSERT INTO dead_letter_discard (message_id, discarded_at, discarded_by, reason) "
                        + "VALUES (?, ?, ?, ?)", id, now, actor.name(), why);
                MessageEvent event = new MessageEvent(row.storedEvents + 1, MessageStatus.DEAD_LETTERED, DISCARD_CODE,
                        "Discarded by " + actor.name() + ": " + why, row.site, now, row.attempts);
                Sql.update(c, "UPDATE message SET version = version + 1, timeline = timeline || ? WHERE message_id = ?",
                        Timeline.encode(List.of(event)), id);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("discarded", true);
                after.put("discardedAt", now.toString());
                after.put("message", row.summary());
                audit.record(c, actor, "discard", "message", upper(id), why, row.summary(), after);
            }
            if (!refused.isEmpty()) {
                throw new Refused(Refused.Kind.TRANSITION, refused.size() + " of the " + ids.size()
                        + " messages cannot be discarded; nothing was discarded.", refused, null);
            }
            return null;
        });
        return new DiscardResult(ids.size(), ids);
    }

    /** Whether {@code id} was discarded (then it is not redelivered). */
    static boolean isDiscarded(Connection c, UUID id) throws SQLException {
        return !Sql.list(c, "SELECT 1 FROM dead_letter_discard WHERE message_id = ?", r -> 1, id).isEmpty();
    }

    private static String upper(UUID id) {
        return id.toString().toUpperCase(Locale.ROOT);
    }
}
