package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.UUID;

/** One row of message search, the live stream and export. */
public record MessageSummary(UUID messageId, UUID conversationId, String interaction, MessagingPattern messagingPattern,
                             MessageParty from, MessageParty to, UUID endpointId, String site, MessageStatus status,
                             int attempts, long sizeBytes, Instant receivedAt, Instant updatedAt, Long latencyMs,
                             String lastErrorCode, String lastErrorDescription, UUID redeliveryOf) {

    /** The same message with its parties as given (say, with their organisations' names). */
    public MessageSummary withParties(MessageParty newFrom, MessageParty newTo) {
        return new MessageSummary(messageId, conversationId, interaction, messagingPattern, newFrom, newTo, endpointId,
                site, status, attempts, sizeBytes, receivedAt, updatedAt, latencyMs, lastErrorCode, lastErrorDescription,
                redeliveryOf);
    }

    /** Message ids are served in upper case, as Spine writes them. */
    public String displayId() {
        return messageId.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
