package io.spineconsole.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identifier formats at their edges (lengths, case, missing values), beside {@link IdentifiersTest}:
 * only whether a value is accepted, so the tests hold whatever words or codes a refusal carries.
 */
class IdentifierFormatsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingValueIsRefusedByEveryCheck(String value) {
        assertTrue(Identifiers.checkOdsCode(value).isPresent(), "ODS code");
        assertTrue(Identifiers.checkAsid(value).isPresent(), "ASID");
        assertTrue(Identifiers.checkPartyKey(value).isPresent(), "party key");
        assertTrue(Identifiers.checkInteractionId(value).isPresent(), "interaction ID");
    }

    @Test
    void aMissingAndAMalformedValueAreRefusedForDifferentReasons() {
        assertFalse(Identifiers.checkOdsCode("").equals(Identifiers.checkOdsCode("rr8")));
        assertFalse(Identifiers.checkAsid("").equals(Identifiers.checkAsid("123")));
        assertFalse(Identifiers.checkPartyKey("").equals(Identifiers.checkPartyKey("RR8")));
        assertFalse(Identifiers.checkInteractionId("").equals(Identifiers.checkInteractionId("QUPA_IN000008UK02")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "123", "A2B4C6D8E"})
    void anOdsCodeIsThreeToNineUpperCaseLettersOrDigits(String code) {
        assertTrue(Identifiers.checkOdsCode(code).isEmpty(), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "A2B4C6D8E0", " RR8", "RR8\n", "RÖ8", "R_8"})
    void anOdsCodeOutsideThatIsRefused(String code) {
        assertTrue(Identifiers.checkOdsCode(code).isPresent(), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000000009851", " 200000000985", "200000000985 ", "２00000000985", "-20000000098"})
    void anAsidIsTwelveAsciiDigitsNothingMore(String asid) {
        assertTrue(Identifiers.checkAsid(asid).isPresent(), asid);
    }

    @Test
    void onlyAWellFormedAsidCanBeUnusual() {
        assertTrue(Identifiers.isUnusualNewAsid("100000000001"));
        assertTrue(Identifiers.isUnusualNewAsid("000000000001"));
        assertFalse(Identifiers.isUnusualNewAsid("299999999999"));
        assertFalse(Identifiers.isUnusualNewAsid("1234"), "malformed, so refused rather than unusual");
        assertFalse(Identifiers.isUnusualNewAsid(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RR8-12345", "RR8-123456789", "A2B4C6D8E-0000806", "123-00001"})
    void aPartyKeyIsAnOdsCodeAHyphenAndFiveToNineDigits(String key) {
        assertTrue(Identifiers.checkPartyKey(key).isEmpty(), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RR8-1234", "RR8-1234567890", "rr8-0000806", "A2B4C6D8E0-0000806", "RR8--0000806",
            "RR8-0000806-1", "-0000806", "RR8-00008O6"})
    void aPartyKeyOutsideThatIsRefused(String key) {
        assertTrue(Identifiers.checkPartyKey(key).isPresent(), key);
    }

    @Test
    void thePrefixOfAPartyKeyIsItsOwnersOdsCodeOnlyWhenTheKeyIsWellFormed() {
        assertEquals(Optional.of("RR8"), Identifiers.partyKeyPrefix("RR8-0000806"));
        assertEquals(Optional.of("A2B4C6D8E"), Identifiers.partyKeyPrefix("A2B4C6D8E-123456789"));
        assertEquals(Optional.empty(), Identifiers.partyKeyPrefix("RR8-1234"));
        assertEquals(Optional.empty(), Identifiers.partyKeyPrefix("rr8-0000806"));
        assertEquals(Optional.empty(), Identifiers.partyKeyPrefix(""));
        assertEquals(Optional.empty(), Identifiers.partyKeyPrefix(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:nhs:names:services:pdsquery:QUPA_IN000008UK02", "urn:nhs:names:services:mm:PORX_IN080101UK31",
            "urn:nhs:names:services:nhs-111:a.b-c_d", "urn:nhs:names:services:gp2gp:RCMR_IN030000UK06",
            "urn:nhs:names:services:pds:urn:spine:interactionid:QUPA_IN000008UK02",
            "urn:nhs:names:services:gpconnect:fhir:DocumentReference.read",
            "urn:oasis:names:tc:ebxml-msg:service:Acknowledgment", "urn:oasis:names:tc:ebxml-msg:service:MessageError",
            "urn:oasis:names:tc:ebxml-msg:service:Ping"})
    void anInteractionIdIsAServiceAndAtLeastOneName(String id) {
        assertTrue(Identifiers.checkInteractionId(id).isEmpty(), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:nhs:names:services:", "urn:nhs:names:services:PSIS:REPC_IN150016UK05",
            "urn:nhs:names:services:psis:", "urn:nhs:names:services:psis::X", "URN:NHS:NAMES:SERVICES:psis:X",
            "urn:nhs:names:psis:REPC_IN150016UK05", "urn:nhs:names:services:psis:REPC IN150016UK05",
            " urn:nhs:names:services:psis:X", "urn:nhs:names:services:psis:X,", "urn:oasis:names:tc:ebxml-msg:service:",
            "urn:oasis:names:tc:ebxml-msg:service:Anything", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"})
    void anInteractionIdOutsideThatIsRefused(String id) {
        assertTrue(Identifiers.checkInteractionId(id).isPresent(), id);
    }

    @Test
    void tidyingTakesOffOnlyWhiteSpaceAndStraySeparatorsAroundTheValue() {
        assertEquals("urn:nhs:names:services:psis:X", Identifiers.tidyInteractionId(" urn:nhs:names:services:psis:X,\t"));
        assertEquals("urn:nhs:names:services:psis:X", Identifiers.tidyInteractionId("|urn:nhs:names:services:psis:X;"));
        assertEquals("urn:nhs:names:services:psis X", Identifiers.tidyInteractionId("urn:nhs:names:services:psis X"));
        assertEquals(null, Identifiers.tidyInteractionId(null));
    }
}
