package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.SyncReplyMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdsValuesTest {

    @Test
    void hostNamesIgnoreCaseAndATrailingDot() {
        assertEquals("msg.int.spine2.ncrs.nhs.uk", SdsValues.normaliseHost(" MSG.int.Spine2.ncrs.nhs.uk. "));
        assertTrue(SdsValues.sameHost("a.nhs.uk.", "A.NHS.UK"));
        assertFalse(SdsValues.sameHost("a.nhs.uk", "b.nhs.uk"));
        assertNull(SdsValues.normaliseHost(null));
    }

    @Test
    void addressesIgnoreSchemeAndHostCaseAndTheDefaultPortButNotThePath() {
        assertTrue(SdsValues.sameAddress("https://msg.nhs.uk/Reliable", "HTTPS://MSG.NHS.UK.:443/Reliable"));
        assertFalse(SdsValues.sameAddress("https://msg.nhs.uk/Reliable", "https://msg.nhs.uk/reliable"));
        assertFalse(SdsValues.sameAddress("https://msg.nhs.uk:8443/r", "https://msg.nhs.uk/r"));
        assertEquals("not a url at all", SdsValues.normaliseAddress(" not a url at all "));
    }

    @Test
    void durationsCompareByLengthAndNumbersByValue() {
        assertTrue(SdsValues.sameDuration("PT1M", "PT60S"));
        assertTrue(SdsValues.sameDuration("PT1H", "PT60M"));
        assertFalse(SdsValues.sameDuration("PT1M", "PT2M"));
        assertTrue(SdsValues.sameDuration("soon", "SOON"));
        assertTrue(SdsValues.sameNumber("2", " 02 "));
        assertFalse(SdsValues.sameNumber("2", "3"));
        assertTrue(SdsValues.sameCode(" ", null));
    }

    @Test
    void ourEnumsAreSpeltAsSdsWritesThem() {
        assertEquals("MSHSignalsOnly", SdsValues.spelling(SyncReplyMode.MSH_SIGNALS_ONLY));
        assertEquals("urn:oasis:names:tc:ebxml-msg:actor:nextMSH", SdsValues.spelling(MhsActor.NEXT_MSH));
    }
}
