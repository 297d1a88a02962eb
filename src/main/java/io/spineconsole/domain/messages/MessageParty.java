package io.spineconsole.domain.messages;

/** Sender or recipient of a message; members are null when not known (an unregistered To address). */
public record MessageParty(String odsCode, String asid, String partyKey) {
}
