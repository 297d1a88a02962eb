package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.DeliveryError;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures in a support analyst's words: every code explained with a next step, names beside ids, a receiver's certificate. */
class FailureWordsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private final I18n i18n = new I18n(Locale.UK);
    private final MessageText text = new MessageText(i18n, Clock.fixed(NOW, ZoneId.of("Europe/London")));

    @Test
    void everyDeliveryErrorCodeHasWordsAMeaningAndANextStepOfItsOwn() {
        Set<String> steps = new HashSet<>();
        for (DeliveryError e : DeliveryError.values()) {
            String code = e.code();
            assertEquals(text.errorTitle(code) + " (" + code + ")", text.errorWithCode(code));
            assertFalse(text.errorTitle(code).contains(code), "words, not the code again: " + text.errorTitle(code));
            assertFalse(text.errorWhat(code).isBlank());
            assertFalse(text.errorNext(code).startsWith("!"), "a next step for " + code);
            steps.add(text.errorWhat(code));
        }
        assertEquals(DeliveryError.values().length, steps.size(), "each code means something of its own");
        assertEquals("Unregistered To address (12)", text.errorWithCode("12"));
        assertTrue(text.errorNext("12").contains("Register the address"), text.errorNext("12"));
        assertEquals("Code X99 (X99)", text.errorWithCode("X99"), "an unknown code is still shown, as itself");
        assertEquals("", text.errorWithCode(null));
    }

    @Test
    void partiesAndInteractionsAreShownByNameBesideTheirIds() {
        assertEquals("Leeds Teaching Hospitals · RR8-0000123",
                MessageColumns.party(new MessageParty("RR8", "200000000123", "RR8-0000123", "Leeds Teaching Hospitals"), i18n));
        assertEquals("RR8-0000123", MessageColumns.party(new MessageParty("RR8", "200000000123", "RR8-0000123"), i18n),
                "without a name, the party key");
        assertEquals("REPC_IN150016UK05", text.interaction("urn:nhs:names:services:psis:REPC_IN150016UK05"));
        text.titlesProperty().set(Map.of("REPC_IN150016UK05", "Summary Care Record upload"));
        assertEquals("Summary Care Record upload · REPC_IN150016UK05",
                text.interaction("urn:nhs:names:services:psis:REPC_IN150016UK05"));
    }

    @Test
    void theReceiversCertificateSaysWhenItEndedAndWhatFollows() {
        ReceiverViewModel receiver = new ReceiverViewModel(new UiExecutor(Runnable::run), i18n, text);
        Instant ended = Instant.parse("2026-12-01T12:00:00Z");
        MhsEndpoint endpoint = endpoint(Certificate.of("CN=msg.rxn.nhs.uk", "CN=NHS", "01", ended.minusSeconds(86_400L * 365),
                ended, NOW));
        assertTrue(receiver.certificateEnded(endpoint));
        assertEquals("Ended on Tue 1 Dec 2026 (6 d ago): deliveries fail until the supplier renews it",
                receiver.certificate(endpoint));
        assertEquals("Northgate Medical Practice (RXN-0000947 at msg.rxn.nhs.uk)", receiver.describe(endpoint));
        MhsEndpoint renewed = endpoint(Certificate.of("CN=msg.rxn.nhs.uk", "CN=NHS", "02", NOW.minusSeconds(60),
                NOW.plusSeconds(86_400L * 365), NOW));
        assertFalse(receiver.certificateEnded(renewed));
        assertTrue(receiver.certificate(renewed).startsWith("Valid until "), receiver.certificate(renewed));
    }

    private static MhsEndpoint endpoint(Certificate certificate) {
        return new MhsEndpoint(UUID.randomUUID(), "Northgate Medical Practice", "RXN", "RXN-0000947",
                "https://msg.rxn.nhs.uk/reliablemessaging", "msg.rxn.nhs.uk", "cpa", List.of(), null, null, null,
                certificate, null, RegistrationStatus.ACTIVE, null, 1, NOW, "seed", NOW, "seed");
    }
}
