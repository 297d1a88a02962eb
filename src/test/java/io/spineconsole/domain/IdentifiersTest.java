package io.spineconsole.domain;

import io.spineconsole.domain.messages.MessagingPattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"RR8", "RR813", "A81001", "YES", "X26", "ABCDEFGH9"})
    void acceptsRealOdsCodes(String code) {
        assertTrue(Identifiers.checkOdsCode(code).isEmpty(), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "R8", "rr8", "RR8 ", "ABCDEFGHIJ", "RR-8"})
    void rejectsMalformedOdsCodes(String code) {
        assertTrue(Identifiers.checkOdsCode(code).isPresent(), code);
    }

    @Test
    void asidIsExactlyTwelveDigitsAndAnOldPrefixIsOnlyUnusual() {
        assertTrue(Identifiers.checkAsid("200000000985").isEmpty());
        assertTrue(Identifiers.checkAsid("928942012545").isEmpty());
        assertTrue(Identifiers.checkAsid("20000000098").isPresent());
        assertTrue(Identifiers.checkAsid("20000000098A").isPresent());
        assertTrue(Identifiers.isUnusualNewAsid("928942012545"));
        assertFalse(Identifiers.isUnusualNewAsid("200000000985"));
    }

    @Test
    void partyKeyHasOwnerPrefixAndDigits() {
        assertTrue(Identifiers.checkPartyKey("YES-0000806").isEmpty());
        assertTrue(Identifiers.checkPartyKey("A20047-821870").isEmpty());
        assertTrue(Identifiers.checkPartyKey("YES0000806").isPresent());
        assertTrue(Identifiers.checkPartyKey("YES-1234").isPresent());
        assertEquals("A20047", Identifiers.partyKeyPrefix("A20047-821870").orElseThrow());
    }

    @Test
    void interactionIdIsAnNhsServiceUrn() {
        assertTrue(Identifiers.checkInteractionId("urn:nhs:names:services:psis:REPC_IN150016UK05").isEmpty());
        assertTrue(Identifiers.checkInteractionId("urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord").isEmpty());
        assertTrue(Identifiers.checkInteractionId("REPC_IN150016UK05").isPresent());
        assertTrue(Identifiers.checkInteractionId("urn:nhs:names:services:psis").isPresent());
    }

    @Test
    void messagingPatternReadsTheCataloguesInconsistentSpelling() {
        assertEquals(MessagingPattern.FORWARD_EXPRESS, MessagingPattern.parseLenient("Forward Express").orElseThrow());
        assertEquals(MessagingPattern.ASYNC_RELIABLE, MessagingPattern.parseLenient("async-reliable").orElseThrow());
        assertTrue(MessagingPattern.parseLenient("carrier-pigeon").isEmpty());
    }
}
