package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.RecordRef;
import io.spineconsole.domain.messages.RedeliveryCopy;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Redelivers a failed message: a copy with a new id, the same conversation and payload,
 * {@code redeliveryOf} pointing at the original, sent through the normal route now, audited in the
 * same transaction. Never a second copy while one of its family is in flight or was delivered, unless
 * the request forces it ({@link RedeliveryLineage}).
 */
public final class Redelivery {
    private final Sql sql;
    private final MessageStore store;
    private final MessageIngest ingest;
    private final TrafficSimulator simulator;
    private final AuditLog audit;
    private final Clock clock;

    Redelivery(Sql sql, MessageStore store, MessageIngest ingest, TrafficSimulator simulator, AuditLog audit,
               Clock clock) {
        this.sql = sql;
        this.store = store;
        this.ingest = ingest;
        this.simulator = simulator;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Redelivers {@code originalId} in the caller's transaction; returns the copy (not yet published).
     * Refused while another member of its family is in flight or was delivered, unless {@code force}.
     */
    MessageRow redeliver(Connection c, Actor actor, UUID originalId, String reason, UUID jobId, boolean force)
            throws SQLException {
        lockFamily(c, originalId);
        MessageRow original = store.row(c, originalId)
                .orElseThrow(() -> new NotFound("Message " + originalId.toString().toUpperCase()));
        if (!MessageStatuses.isRedeliverable(original.status)) {
            throw new Refused(Refused.Kind.TRANSITION, "Only nacked, transmission-failed, dead-lettered and expired "
                    + "messages can be redelivered; this one is " + original.status.code() + ".",
                    List.of(new Issue("status", "NOT_REDELIVERABLE", "The message is " + original.status.code() + ".")),
                    null);
        }
        if (DeadLetterDiscards.isDiscarded(c, originalId)) {
            throw new Refused(Refused.Kind.TRANSITION, "Message " + originalId.toString().toUpperCase()
                    + " was discarded; a discarded dead letter is not redelivered.",
                    List.of(new Issue("status", "DISCARDED", "The message was discarded.")), null);
        }
        List<RedeliveryCopy> blocking = RedeliveryLineage.blocking(RedeliveryLineage.family(c, originalId));
        if (!blocking.isEmpty() && !force) {
            throw alreadyRedelivered(originalId, blocking);
        }
        TrafficDirectory directory = simulator.directory();
        MessageRow copy = new MessageRow();
        copy.id = UUID.randomUUID();
        copy.conversationId = original.conversationId;
        copy.interaction = original.interaction;
        copy.pattern = original.pattern;
        copy.fromAsid = original.fromAsid;
        copy.fromPartyKey = original.fromPartyKey;
        copy.fromOds = original.fromOds;
        copy.toAsid = original.toAsid;
        copy.toPartyKey = original.toPartyKey;
        copy.toOds = original.toOds;
        copy.sizeBytes = original.sizeBytes;
        copy.redeliveryOf = original.id;
        copy.redeliveryJobId = jobId;
        copy.createdAt = clock.instant();
        copy.updatedAt = copy.createdAt;
        // The directory may have changed since the original was sent (a renewed certificate, a new
        // registration): the copy is routed afresh.
        TrafficDirectory.Target to = directory.target(original.endpointId);
        if (to == null && original.toPartyKey != null) {
            to = directory.targets().stream().filter(t -> t.partyKey().equals(original.toPartyKey)
                    && t.interactions().contains(original.interaction)).findFirst().orElse(null);
        }
        if (to != null) {
            DeliveryModel.address(copy, to);
        }
        List<String> sites = directory.sitesFor(copy.interaction);
        copy.site = sites.get(Math.floorMod(copy.id.hashCode(), sites.size()));
        simulator.model().deliver(copy, to, copy.createdAt);
        ingest.insert(c, List.of(copy));
        Object after = copy.summary();
        if (!blocking.isEmpty()) {
            // Forced past copies in flight or delivered: the audit entry names them beside the new copy.
            Map<String, Object> forced = new LinkedHashMap<>();
            forced.put("copy", copy.summary());
            forced.put("forced", true);
            forced.put("earlierCopies", blocking);
            after = forced;
        }
        audit.record(c, actor, "redeliver", "message", originalId.toString().toUpperCase(), reason,
                original.summary(), after);
        return copy;
    }

    /**
     * Every redelivery in one family takes its turn on the family's original (its row locked until the
     * transaction ends), so two at once can never both find the family free.
     */
    private static void lockFamily(Connection c, UUID messageId) throws SQLException {
        UUID root = RedeliveryLineage.root(c, messageId);
        if (lock(c, root) == 0 && !root.equals(messageId)) {
            lock(c, messageId); // the original is gone (retention): the message itself
        }
    }

    private static int lock(Connection c, UUID id) throws SQLException {
        return Sql.list(c, "SELECT message_id FROM message WHERE message_id = ? FOR UPDATE", r -> 1, id).size();
    }

    /** 409: a copy is in flight or was delivered; {@code earlierCopies} lists them with where they are. */
    static Refused alreadyRedelivered(UUID originalId, List<RedeliveryCopy> blocking) {
        RedeliveryCopy latest = blocking.get(blocking.size() - 1);
        String detail = "Message " + originalId.toString().toUpperCase() + " was already redelivered as "
                + latest.messageId().toString().toUpperCase() + ", which is " + latest.status().code()
                + (blocking.size() > 1 ? " (and " + (blocking.size() - 1) + " more copies are in flight or delivered)" : "")
                + ". Redeliver it again only if a second copy is right: send force with the reason.";
        return new Refused(Refused.Kind.TRANSITION, detail, List.of(new Issue("", "ALREADY_REDELIVERED", detail)), null)
                .with("earlierCopies", blocking)
                .withRelated(blocking.stream().map(b -> new RecordRef("message", b.messageId().toString().toUpperCase()))
                        .toList());
    }

    /** The copies a refusal from {@link #alreadyRedelivered} names; empty for any other refusal. */
    @SuppressWarnings("unchecked")
    static List<RedeliveryCopy> earlierCopies(Refused refused) {
        Object copies = refused.members().get("earlierCopies");
        return copies instanceof List<?> list ? (List<RedeliveryCopy>) list : List.of();
    }

    /**
     * Redelivers one message in its own transaction (or the request's) and publishes the copy once it
     * commits; returns the copy's id. The reason is required (3 to 500 characters).
     */
    public UUID redeliverNow(Actor actor, UUID originalId, String reason, boolean force) {
        Issues issues = new Issues();
        checkReason(issues, reason);
        issues.throwIfAny();
        MessageRow copy = sql.inTransaction(c -> redeliver(c, actor, originalId, reason, null, force));
        // Published once the request's transaction commits (it may be wider than this one: an idempotent request).
        sql.afterCommit(() -> ingest.afterCommit(List.of(copy), true));
        return copy.id;
    }

    /** A redelivery's, a job's or a cancel's reason: 3 to 500 characters. */
    static void checkReason(Issues issues, String reason) {
        if (reason == null || reason.strip().length() < 3 || reason.length() > 500) {
            issues.add("reason", "OUT_OF_RANGE", "Give a reason of 3 to 500 characters.");
        }
    }
}
