package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.RecordRef;
import io.spineconsole.testing.FakeMessagesApi;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordLinksTest {

    private static FailureGroup group(UUID endpoint, String partyKey, String ods, RecordRef record) {
        return new FailureGroup("sig", MessageStatus.NACKED, "ERR", "why", 3, FakeMessagesApi.NOW, FakeMessagesApi.NOW,
                UUID.randomUUID(), "urn:nhs:names:services:psis:REPC_IN150016UK05", endpoint, partyKey, ods, null, record);
    }

    @Test
    void aPartyLeadsToItsEndpointThenItsSystemThenItsEndpointsByPartyKey() {
        UUID endpoint = UUID.randomUUID();
        MessageParty party = new MessageParty("RR8", "200000000985", "RR8-0000806");
        assertEquals("spine-console://registrations/endpoints/" + endpoint,
                RecordLinks.party(party, endpoint).orElseThrow().toString());
        assertEquals("spine-console://registrations/systems/200000000985", RecordLinks.party(party, null).orElseThrow().toString());
        assertEquals("spine-console://registrations/endpoints?partyKey=RR8-0000806",
                RecordLinks.party(new MessageParty("RR8", " ", "RR8-0000806"), null).orElseThrow().toString());
        assertTrue(RecordLinks.party(new MessageParty("RR8", null, null), null).isEmpty(), "an ODS code alone names no registration");
        assertTrue(RecordLinks.party(null, null).isEmpty());
    }

    @Test
    void aFailureGroupLeadsToTheRecordTheServerBlamesElseTheRecipient() {
        UUID endpoint = UUID.randomUUID();
        assertEquals("spine-console://registrations/organisations/RR8",
                RecordLinks.atFault(group(endpoint, "RR8-0000806", "RR8", new RecordRef("organisation", "RR8"))).orElseThrow().toString());
        assertEquals("spine-console://registrations/systems/200000000985",
                RecordLinks.atFault(group(null, null, null, new RecordRef("accredited-system", "200000000985"))).orElseThrow().toString());
        assertEquals("spine-console://registrations/endpoints/" + endpoint,
                RecordLinks.atFault(group(endpoint, "RR8-0000806", "RR8", null)).orElseThrow().toString());
        assertEquals("spine-console://registrations/endpoints?partyKey=RR8-0000806",
                RecordLinks.atFault(group(null, "RR8-0000806", "RR8", new RecordRef("endpoint", null))).orElseThrow().toString());
        assertEquals("spine-console://registrations/organisations/RR8",
                RecordLinks.atFault(group(null, null, "RR8", null)).orElseThrow().toString(), "an unregistered recipient: its organisation");
        assertTrue(RecordLinks.atFault(group(null, null, null, null)).isEmpty());
    }

    @Test
    void aSiteIsInTheMigrationWorkspace() {
        assertEquals("spine-console://migration/sites/DC-NORTH", RecordLinks.site("DC-NORTH").orElseThrow().toString());
        assertTrue(RecordLinks.site(null).isEmpty());
    }
}
