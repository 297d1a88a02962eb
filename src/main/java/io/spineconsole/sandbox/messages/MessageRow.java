package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A message as the simulator and redelivery build it before it is written: the row, and the
 * timeline events not yet stored ({@link #newEvents}). Mutable, used by one thread at a time.
 */
final class MessageRow {
    UUID id;
    UUID conversationId;
    String interaction;
    MessagingPattern pattern;
    String fromAsid;
    String toAsid;
    String fromPartyKey;
    String toPartyKey;
    String fromOds;
    String toOds;
    UUID endpointId;
    String site;
    MessageStatus status = MessageStatus.RECEIVED;
    int attempts;
    int sizeBytes;
    Long latencyMs;
    String errorCode;
    String errorDescription;
    UUID redeliveryOf;
    UUID redeliveryJobId;
    /** The endpoint id whose text {@link #endpointKey} holds. */
    private UUID keyedEndpoint;
    private String endpointKey;
    /** The parties {@link #summaryAt} last made; see {@link #from}. */
    private MessageParty fromParty;
    private MessageParty toParty;
    Instant createdAt;
    Instant updatedAt;
    Instant nextAttemptAt;
    long version = 1;
    /** The training scenario that injected a failure into it; null for none (a real message). */
    String injected;
    /** Sequence number of the last stored event. */
    int storedEvents;
    final List<MessageEvent> newEvents = new ArrayList<>();
    /** Set by the delivery model when the latest step reached a final outcome (the roll-ups count it then). */
    boolean becameFinal;

    void event(MessageStatus eventStatus, String code, String description, Instant at, int attempt) {
        newEvents.add(new MessageEvent(storedEvents + newEvents.size() + 1, eventStatus, code, description, site, at,
                attempt));
        status = eventStatus;
        updatedAt = at;
        if (code != null) {
            errorCode = code;
            errorDescription = description;
        }
    }

    String signature() {
        return MessageStatuses.isFailed(status) ? FailureGroup.signatureOf(status, errorCode, interaction, toPartyKey)
                : null;
    }

    MessageSummary summary() {
        return summaryAt(status, updatedAt);
    }

    /** The message as it stood when it reached {@code eventStatus}, for the live stream. */
    MessageSummary summaryAt(MessageStatus eventStatus, Instant at) {
        return new MessageSummary(id, conversationId, interaction, pattern, from(), to(), endpointId, site, eventStatus,
                attempts, sizeBytes, createdAt, at, latencyMs, errorCode, errorDescription, redeliveryOf);
    }

    /*
     * The parties, made once per row and shared by all its events' summaries: the live stream keeps up to a million
     * events for resuming, and at the national rate two parties for each were ~60 MB of the server's heap. Made
     * again only if the row's party fields were given other values (compared by identity: a cheap check).
     */
    private MessageParty from() {
        fromParty = reuse(fromParty, fromOds, fromAsid, fromPartyKey);
        return fromParty;
    }

    private MessageParty to() {
        toParty = reuse(toParty, toOds, toAsid, toPartyKey);
        return toParty;
    }

    private static MessageParty reuse(MessageParty made, String ods, String asid, String partyKey) {
        return made != null && made.odsCode() == ods && made.asid() == asid && made.partyKey() == partyKey ? made
                : new MessageParty(ods, asid, partyKey);
    }

    /**
     * The endpoint id as text, the key the roll-ups, endpoint health and the party map count it under: made once per
     * row (and its hash with it) instead of once per use, three or four times a message at ingest.
     */
    String endpointKey() {
        UUID id = endpointId;
        if (id == null) {
            return null;
        }
        if (!id.equals(keyedEndpoint)) {
            endpointKey = id.toString();
            keyedEndpoint = id;
        }
        return endpointKey;
    }
}
