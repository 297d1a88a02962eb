package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message with its hop timeline, the reliability settings it was sent under and its redelivery
 * links both ways. Flat (the wire shape is MessageSummary's members plus these).
 */
public record MessageDetail(UUID messageId, UUID conversationId, String interaction, MessagingPattern messagingPattern,
                            MessageParty from, MessageParty to, UUID endpointId, String site, MessageStatus status,
                            int attempts, long sizeBytes, Instant receivedAt, Instant updatedAt, Long latencyMs,
                            String lastErrorCode, String lastErrorDescription, UUID redeliveryOf,
                            long version, List<MessageEvent> events, Reliability reliability, Instant nextAttemptAt,
                            Instant expiresAt, List<UUID> redeliveries, UUID redeliveryJobId) {
    public MessageDetail {
        events = List.copyOf(events);
        redeliveries = List.copyOf(redeliveries);
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
