package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message with its hop timeline, the reliability settings it was sent under and its redelivery
 * links both ways. Flat (the wire shape is MessageSummary's members plus these). {@code lineage}: the
 * other messages of its redelivery family (the original it descends from and every copy made from it,
 * at any depth) with where each is now; one in flight or delivered stands in the way of redelivering it.
 * {@code injected}: the training scenario that injected a failure into it (a sandbox's); null for a real message.
 */
public record MessageDetail(UUID messageId, UUID conversationId, String interaction, MessagingPattern messagingPattern,
                            MessageParty from, MessageParty to, UUID endpointId, String site, MessageStatus status,
                            int attempts, long sizeBytes, Instant receivedAt, Instant updatedAt, Long latencyMs,
                            String lastErrorCode, String lastErrorDescription, UUID redeliveryOf,
                            long version, List<MessageEvent> events, Reliability reliability, Instant nextAttemptAt,
                            Instant expiresAt, List<UUID> redeliveries, UUID redeliveryJobId,
                            List<RedeliveryCopy> lineage, String injected) {
    public MessageDetail {
        events = List.copyOf(events);
        redeliveries = List.copyOf(redeliveries);
        lineage = lineage == null ? List.of() : List.copyOf(lineage);
    }

    /** Not injected by a scenario. */
    public MessageDetail(UUID messageId, UUID conversationId, String interaction, MessagingPattern messagingPattern,
                         MessageParty from, MessageParty to, UUID endpointId, String site, MessageStatus status,
                         int attempts, long sizeBytes, Instant receivedAt, Instant updatedAt, Long latencyMs,
                         String lastErrorCode, String lastErrorDescription, UUID redeliveryOf, long version,
                         List<MessageEvent> events, Reliability reliability, Instant nextAttemptAt, Instant expiresAt,
                         List<UUID> redeliveries, UUID redeliveryJobId, List<RedeliveryCopy> lineage) {
        this(messageId, conversationId, interaction, messagingPattern, from, to, endpointId, site, status, attempts,
                sizeBytes, receivedAt, updatedAt, latencyMs, lastErrorCode, lastErrorDescription, redeliveryOf, version,
                events, reliability, nextAttemptAt, expiresAt, redeliveries, redeliveryJobId, lineage, null);
    }

    /** Without its family (a store that does not know it yet). */
    public MessageDetail(UUID messageId, UUID conversationId, String interaction, MessagingPattern messagingPattern,
                         MessageParty from, MessageParty to, UUID endpointId, String site, MessageStatus status,
                         int attempts, long sizeBytes, Instant receivedAt, Instant updatedAt, Long latencyMs,
                         String lastErrorCode, String lastErrorDescription, UUID redeliveryOf, long version,
                         List<MessageEvent> events, Reliability reliability, Instant nextAttemptAt, Instant expiresAt,
                         List<UUID> redeliveries, UUID redeliveryJobId) {
        this(messageId, conversationId, interaction, messagingPattern, from, to, endpointId, site, status, attempts,
                sizeBytes, receivedAt, updatedAt, latencyMs, lastErrorCode, lastErrorDescription, redeliveryOf, version,
                events, reliability, nextAttemptAt, expiresAt, redeliveries, redeliveryJobId, List.of());
    }

    /** The same message with its redelivery family. */
    public MessageDetail withLineage(List<RedeliveryCopy> family) {
        return new MessageDetail(messageId, conversationId, interaction, messagingPattern, from, to, endpointId, site,
                status, attempts, sizeBytes, receivedAt, updatedAt, latencyMs, lastErrorCode, lastErrorDescription,
                redeliveryOf, version, events, reliability, nextAttemptAt, expiresAt, redeliveries, redeliveryJobId,
                family, injected);
    }

    /** The same message, marked as injected by the training scenario {@code scenario} (null: a real one). */
    public MessageDetail withInjected(String scenario) {
        return new MessageDetail(messageId, conversationId, interaction, messagingPattern, from, to, endpointId, site,
                status, attempts, sizeBytes, receivedAt, updatedAt, latencyMs, lastErrorCode, lastErrorDescription,
                redeliveryOf, version, events, reliability, nextAttemptAt, expiresAt, redeliveries, redeliveryJobId,
                lineage, scenario);
    }

    /** The copies in its family that are in flight or were delivered: while there is one, it is not redelivered. */
    public List<RedeliveryCopy> blockingCopies() {
        return lineage.stream().filter(RedeliveryCopy::blocksRedelivery).toList();
    }

    public static MessageDetail of(MessageSummary s, long version, List<MessageEvent> events, Reliability reliability,
                                   Instant nextAttemptAt, Instant expiresAt, List<UUID> redeliveries,
                                   UUID redeliveryJobId) {
        return new MessageDetail(s.messageId(), s.conversationId(), s.interaction(), s.messagingPattern(), s.from(),
                s.to(), s.endpointId(), s.site(), s.status(), s.attempts(), s.sizeBytes(), s.receivedAt(),
                s.updatedAt(), s.latencyMs(), s.lastErrorCode(), s.lastErrorDescription(), s.redeliveryOf(), version,
                events, reliability, nextAttemptAt, expiresAt, redeliveries, redeliveryJobId);
    }

    public MessageSummary summary() {
        return new MessageSummary(messageId, conversationId, interaction, messagingPattern, from, to, endpointId, site,
                status, attempts, sizeBytes, receivedAt, updatedAt, latencyMs, lastErrorCode, lastErrorDescription,
                redeliveryOf);
    }
}
