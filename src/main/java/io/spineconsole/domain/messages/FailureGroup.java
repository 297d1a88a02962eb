package io.spineconsole.domain.messages;


import java.time.Instant;
import java.util.UUID;

/** Failed messages sharing one error signature (status, code, interaction, recipient endpoint). */
public record FailureGroup(String signature, MessageStatus status, String code, String description, long count,
                           Instant firstSeen, Instant lastSeen, UUID sampleMessageId, String interaction,
                           UUID endpointId, String partyKey, String odsCode, String asid, RecordRef record) {

    /** The signature of a failure, as failure groups and message search use it. */
    public static String signatureOf(MessageStatus status, String code, String interaction, String toPartyKey) {
        return status.code() + "|" + (code == null ? "" : code) + "|" + interaction + "|"
                + (toPartyKey == null ? "" : toPartyKey);
    }
}
