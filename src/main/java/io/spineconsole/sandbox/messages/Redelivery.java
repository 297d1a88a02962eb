package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatuses;
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
import java.util.List;
import java.util.UUID;

/**
 * Redelivers a failed message: a copy with a new id, the same conversation and payload,
 * {@code redeliveryOf} pointing at the original, sent through the normal route now, audited in the
 * same transaction.
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

    /** Redelivers {@code originalId} in the caller's transaction; returns the copy (not yet published). */
    MessageRow redeliver(Connection c, Actor actor, UUID originalId, String reason, UUID jobId) throws SQLException {
        MessageRow original = store.row(c, originalId)
                .orElseThrow(() -> new NotFound("Message " + originalId.toString().toUpperCase()));
        if (!MessageStatuses.isRedeliverable(original.status)) {
            throw new Refused(Refused.Kind.TRANSITION, "Only nacked, transmission-failed, dead-lettered and expired "
                    + "messages can be redelivered; this one is " + original.status.code() + ".",
                    List.of(new Issue("status", "NOT_REDELIVERABLE", "The message is " + original.status.code() + ".")),
                    null);
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
        audit.record(c, actor, "redeliver", "message", originalId.toString().toUpperCase(), reason,
                original.summary(), copy.summary());
        return copy;
    }

    /**
     * Redelivers one message in its own transaction and publishes the copy; returns the copy's id.
     * The reason is required (3 to 500 characters).
     */
    public UUID redeliverNow(Actor actor, UUID originalId, String reason) {
        Issues issues = new Issues();
        checkReason(issues, reason);
        issues.throwIfAny();
        MessageRow copy = sql.inTransaction(c -> redeliver(c, actor, originalId, reason, null));
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
