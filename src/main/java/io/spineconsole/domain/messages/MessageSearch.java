package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message search: every filter is optional and they combine with AND; {@code ods}, {@code asid}
 * and {@code partyKey} match the sender or the recipient; several statuses match any of them.
 * {@code from}/{@code to} default on the server (the last 24 hours).
 */
public record MessageSearch(UUID messageId, UUID conversationId, String ods, String asid, String partyKey,
                            String interaction, List<MessageStatus> statuses, String site, UUID endpointId,
                            String signature, Instant from, Instant to, boolean oldestFirst, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 100;

    public MessageSearch {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static MessageSearch all() {
        return new MessageSearch(null, null, null, null, null, null, List.of(), null, null, null, null, null, false,
                DEFAULT_LIMIT, null);
    }

    public static MessageSearch byId(UUID messageId) {
        return all().withMessageId(messageId);
    }

    public MessageSearch withMessageId(UUID id) {
        return new MessageSearch(id, conversationId, ods, asid, partyKey, interaction, statuses, site, endpointId,
                signature, from, to, oldestFirst, limit, cursor);
    }

    public MessageSearch withStatuses(List<MessageStatus> value) {
        return new MessageSearch(messageId, conversationId, ods, asid, partyKey, interaction, value, site, endpointId,
                signature, from, to, oldestFirst, limit, cursor);
    }

    public MessageSearch withParties(String odsValue, String asidValue, String partyKeyValue) {
        return new MessageSearch(messageId, conversationId, odsValue, asidValue, partyKeyValue, interaction, statuses,
                site, endpointId, signature, from, to, oldestFirst, limit, cursor);
    }

    public MessageSearch withInteraction(String value) {
        return new MessageSearch(messageId, conversationId, ods, asid, partyKey, value, statuses, site, endpointId,
                signature, from, to, oldestFirst, limit, cursor);
    }

    public MessageSearch withConversationId(UUID value) {
        return new MessageSearch(messageId, value, ods, asid, partyKey, interaction, statuses, site, endpointId,
                signature, from, to, oldestFirst, limit, cursor);
    }

    public MessageSearch withSignature(String value) {
        return new MessageSearch(messageId, conversationId, ods, asid, partyKey, interaction, statuses, site,
                endpointId, value, from, to, oldestFirst, limit, cursor);
    }

    public MessageSearch withSite(String value) {
        return new MessageSearch(messageId, conversationId, ods, asid, partyKey, interaction, statuses, value,
                endpointId, signature, from, to, oldestFirst, limit, cursor);
    }

    public MessageSearch withWindow(Instant fromValue, Instant toValue) {
        return new MessageSearch(messageId, conversationId, ods, asid, partyKey, interaction, statuses, site,
                endpointId, signature, fromValue, toValue, oldestFirst, limit, cursor);
    }

    public MessageSearch withLimit(int value) {
        return new MessageSearch(messageId, conversationId, ods, asid, partyKey, interaction, statuses, site,
                endpointId, signature, from, to, oldestFirst, value, cursor);
    }

    public MessageSearch withCursor(String value) {
        return new MessageSearch(messageId, conversationId, ods, asid, partyKey, interaction, statuses, site,
                endpointId, signature, from, to, oldestFirst, limit, value);
    }
}
