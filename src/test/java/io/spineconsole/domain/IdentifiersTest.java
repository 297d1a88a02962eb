package io.spineconsole.domain;

import io.spineconsole.domain.messages.MessagingPattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each identifier rule: values it accepts, and each way of being wrong with the issue it names. */
class IdentifiersTest {

    private static Optional<RuleIssue> issue(RuleCode code) {
        return Optional.of(RuleIssue.of(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RR8", "RR813", "A81001", "YES", "X26", "ABCDEFGH9"})
    void acceptsRealOdsCodes(String code) {
        assertEquals(Optional.empty(), Identifiers.checkOdsCode(code), code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingOdsCodeIsRequired(String code) {
        assertEquals(issue(RuleCode.ODS_CODE_REQUIRED), Identifiers.checkOdsCode(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R8", "rr8", "RR8 ", "ABCDEFGHIJ", "RR-8"})
    void aMalformedOdsCodeIsNamedAsOne(String code) {
        assertEquals(issue(RuleCode.ODS_CODE_FORMAT), Identifiers.checkOdsCode(code), code);
    }

    @Test
    void asidIsExactlyTwelveDigitsAndAnOldPrefixIsOnlyUnusual() {
        assertEquals(Optional.empty(), Identifiers.checkAsid("200000000985"));
        assertEquals(Optional.empty(), Identifiers.checkAsid("928942012545"));
        assertEquals(issue(RuleCode.ASID_REQUIRED), Identifiers.checkAsid(null));
        assertEquals(issue(RuleCode.ASID_REQUIRED), Identifiers.checkAsid(" "));
        assertEquals(issue(RuleCode.ASID_FORMAT), Identifiers.checkAsid("20000000098"));
        assertEquals(issue(RuleCode.ASID_FORMAT), Identifiers.checkAsid("20000000098A"));
        assertEquals(issue(RuleCode.ASID_FORMAT), Identifiers.checkAsid("2000000009850"));
        assertTrue(Identifiers.isUnusualNewAsid("928942012545"));
        assertFalse(Identifiers.isUnusualNewAsid("200000000985"));
        assertFalse(Identifiers.isUnusualNewAsid("92894201254"), "a malformed ASID is an error, not an oddity");
        assertFalse(Identifiers.isUnusualNewAsid(null));
    }

    @Test
    void partyKeyHasOwnerPrefixAndDigits() {
        assertEquals(Optional.empty(), Identifiers.checkPartyKey("YES-0000806"));
        assertEquals(Optional.empty(), Identifiers.checkPartyKey("A20047-821870"));
        assertEquals(issue(RuleCode.PARTY_KEY_REQUIRED), Identifiers.checkPartyKey(""));
        assertEquals(issue(RuleCode.PARTY_KEY_REQUIRED), Identifiers.checkPartyKey(null));
        assertEquals(issue(RuleCode.PARTY_KEY_FORMAT), Identifiers.checkPartyKey("YES0000806"));
        assertEquals(issue(RuleCode.PARTY_KEY_FORMAT), Identifiers.checkPartyKey("YES-1234"));
        assertEquals(issue(RuleCode.PARTY_KEY_FORMAT), Identifiers.checkPartyKey("yes-0000806"));
        assertEquals(issue(RuleCode.PARTY_KEY_FORMAT), Identifiers.checkPartyKey("YES-1234567890"));
    }

    @Test
    void thePrefixIsReadOnlyFromAWellFormedPartyKey() {
        assertEquals(Optional.of("A20047"), Identifiers.partyKeyPrefix("A20047-821870"));
        assertEquals(Optional.empty(), Identifiers.partyKeyPrefix("A20047821870"));
        assertEquals(Optional.empty(), Identifiers.partyKeyPrefix(null));
    }

    @Test
    void interactionIdIsAnNhsServiceUrn() {
        assertEquals(Optional.empty(), Identifiers.checkInteractionId("urn:nhs:names:services:psis:REPC_IN150016UK05"));
        assertEquals(Optional.empty(),
                Identifiers.checkInteractionId("urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord"));
        assertEquals(issue(RuleCode.INTERACTION_ID_REQUIRED), Identifiers.checkInteractionId(null));
        assertEquals(issue(RuleCode.INTERACTION_ID_REQUIRED), Identifiers.checkInteractionId(""));
        assertEquals(issue(RuleCode.INTERACTION_ID_FORMAT), Identifiers.checkInteractionId("REPC_IN150016UK05"));
        assertEquals(issue(RuleCode.INTERACTION_ID_FORMAT), Identifiers.checkInteractionId("urn:nhs:names:services:psis"));
        assertEquals(issue(RuleCode.INTERACTION_ID_FORMAT),
                Identifiers.checkInteractionId("urn:nhs:names:services:PSIS:REPC_IN150016UK05"), "the service is lower-case");
    }

    @Test
    void messagingPatternReadsTheCataloguesInconsistentSpelling() {
        assertEquals(MessagingPattern.FORWARD_EXPRESS, MessagingPattern.parseLenient("Forward Express").orElseThrow());
        assertEquals(MessagingPattern.ASYNC_RELIABLE, MessagingPattern.parseLenient("async-reliable").orElseThrow());
        assertTrue(MessagingPattern.parseLenient("carrier-pigeon").isEmpty());
    }
}
