package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Principal;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.ProblemException;

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
final class Redelivery {
    private final MessageStore store;
    private final MessageIngest ingest;
    private final TrafficSimulator simulator;
    private final AuditLog audit;
    private final Clock clock;

    Redelivery(MessageStore store, MessageIngest ingest, TrafficSimulator simulator, AuditLog audit, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.simulator = simulator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Redelivers {@code originalId} in the caller's transaction; returns the copy (not yet published). */
    MessageRow redeliver(Connection c, Principal caller, UUID originalId, String reason, UUID jobId) throws SQLException {
        MessageRow original = store.row(c, originalId)
                .orElseThrow(() -> ProblemException.notFound("Message " + originalId.toString().toUpperCase()));
        if (!MessageStatuses.isRedeliverable(original.status)) {
            throw ProblemException.transitionRefused("Only nacked, transmission-failed, dead-lettered and expired "
                            + "messages can be redelivered; this one is " + original.status.code() + ".",
                    List.of(new ProblemException.FieldProblem("status", "NOT_REDELIVERABLE",
                            "The message is " + original.status.code() + ".")), null);
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
        audit.record(c, caller, "redeliver", "message", originalId.toString().toUpperCase(), reason,
                original.summary(), copy.summary());
        return copy;
    }

    /** Redelivers one message in its own transaction and publishes the copy. */
    UUID redeliverNow(Sql sql, Principal caller, UUID originalId, String reason) {
        MessageRow copy = sql.inTransaction(c -> redeliver(c, caller, originalId, reason, null));
        ingest.afterCommit(List.of(copy), true);
        return copy.id;
    }
}
