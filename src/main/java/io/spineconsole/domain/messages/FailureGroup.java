package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.UUID;

/**
 * Failed messages sharing one cause at one recipient: what went wrong (status and code) and to whom
 * (the To party key). {@code interactions} is how many interactions the group spans and
 * {@code interaction} one of them (the only one when it spans one). {@code recipientName} is the
 * recipient organisation's name, when the directory has it. {@code injected} names the training scenario
 * that injected {@code injectedCount} of its messages (a sandbox's); null and 0 for real failures only.
 */
public record FailureGroup(String signature, MessageStatus status, String code, String description, long count,
                           Instant firstSeen, Instant lastSeen, UUID sampleMessageId, String interaction,
                           UUID endpointId, String partyKey, String odsCode, String asid, RecordRef record,
                           int interactions, String recipientName, String injected, long injectedCount) {

    public FailureGroup(String signature, MessageStatus status, String code, String description, long count,
                        Instant firstSeen, Instant lastSeen, UUID sampleMessageId, String interaction,
                        UUID endpointId, String partyKey, String odsCode, String asid, RecordRef record,
                        int interactions, String recipientName) {
        this(signature, status, code, description, count, firstSeen, lastSeen, sampleMessageId, interaction,
                endpointId, partyKey, odsCode, asid, record, interactions, recipientName, null, 0);
    }

    public FailureGroup(String signature, MessageStatus status, String code, String description, long count,
                        Instant firstSeen, Instant lastSeen, UUID sampleMessageId, String interaction,
                        UUID endpointId, String partyKey, String odsCode, String asid, RecordRef record) {
        this(signature, status, code, description, count, firstSeen, lastSeen, sampleMessageId, interaction,
                endpointId, partyKey, odsCode, asid, record, 1, null);
    }

    /** The same group, its recipient named. */
    public FailureGroup withRecipientName(String name) {
        return new FailureGroup(signature, status, code, description, count, firstSeen, lastSeen, sampleMessageId,
                interaction, endpointId, partyKey, odsCode, asid, record, interactions, name, injected, injectedCount);
    }

    /** True when a training scenario injected every message of the group. */
    public boolean allInjected() {
        return injected != null && injectedCount >= count;
    }

    /**
     * A group's signature: status, code and To party key ({@code dead-lettered|14|YES-0000806}); message search
     * takes it to list the group's messages.
     */
    public static String causeOf(MessageStatus status, String code, String toPartyKey) {
        return status.code() + "|" + (code == null ? "" : code) + "|" + (toPartyKey == null ? "" : toPartyKey);
    }

    /**
     * The signature stored with each failed message: status, code, interaction and To party key. Message search
     * still takes it (a signature from an older console).
     */
    public static String signatureOf(MessageStatus status, String code, String interaction, String toPartyKey) {
        return status.code() + "|" + (code == null ? "" : code) + "|" + interaction + "|"
                + (toPartyKey == null ? "" : toPartyKey);
    }
}
