package io.spineconsole.domain.messages;

/**
 * Sender or recipient of a message; members are null when not known (an unregistered To address).
 * {@code name} is the organisation's name for its ODS code, when the directory has it.
 */
public record MessageParty(String odsCode, String asid, String partyKey, String name) {
    public MessageParty(String odsCode, String asid, String partyKey) {
        this(odsCode, asid, partyKey, null);
    }

    /** The same party, named. */
    public MessageParty withName(String newName) {
        return new MessageParty(odsCode, asid, partyKey, newName);
    }
}
