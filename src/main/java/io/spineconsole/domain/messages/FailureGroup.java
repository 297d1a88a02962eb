package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.UUID;

/**
 * Failed messages sharing one error signature: what went wrong (status and code) at which recipient.
 * {@code interaction} is the most recent message's; {@code interactions} how many the group spans.
 * {@code recipientName} is the recipient organisation's name, when the directory has it.
 */
public record FailureGroup(String signature, MessageStatus status, String code, String description, long count,
                           Instant firstSeen, Instant lastSeen, UUID sampleMessageId, String interaction,
                           UUID endpointId, String partyKey, String odsCode, String asid, RecordRef record,
                           int interactions, String recipientName) {

    public FailureGroup(String signature, MessageStatus status, String code, String description, long count,
                        Instant firstSeen, Instant lastSeen, UUID sampleMessageId, String interaction,
                        UUID endpointId, String partyKey, String odsCode, String asid, RecordRef record) {
        this(signature, status, code, description, count, firstSeen, lastSeen, sampleMessageId, interaction,
                endpointId, partyKey, odsCode, asid, record, 1, null);
    }

    /** The signature of a failure, as failure groups and message search use it. */
    public static String signatureOf(MessageStatus status, String code, String interaction, String toPartyKey) {
        return status.code() + "|" + (code == null ? "" : code) + "|" + interaction + "|"
                + (toPartyKey == null ? "" : toPartyKey);
    }
}
