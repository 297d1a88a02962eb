package io.spineconsole.domain.registrations;

import io.spineconsole.domain.RuleCode;
import io.spineconsole.domain.RuleIssue;
import io.spineconsole.domain.messages.MessagingPattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each registration rule: a good value, each way of being wrong, and the issue it names (code,
 * arguments, and the field and wire code the server answers with).
 */
class RegistrationRulesTest {
    private static final String INTERACTION = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    private static final Reliability RELIABLE = new Reliability(3, "PT5M", "PT2H", ReliabilityFlag.ALWAYS,
            ReliabilityFlag.ALWAYS, SyncReplyMode.MSH_SIGNALS_ONLY);
    private static final CertificateInput CERT = new CertificateInput("CN=mhs.rr8.example", "CN=NHS Level 1C", "5A3F09C2",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    private static Optional<RuleIssue> issue(RuleCode code) {
        return Optional.of(RuleIssue.of(code));
    }

    private static MhsEndpointChange endpoint() {
        return new MhsEndpointChange("RR8 primary MHS", "RR8", "RR8-0000806", "https://mhs.rr8.example/reliablemessaging",
                "S20001A000182", List.of(INTERACTION), MessagingPattern.ASYNC_RELIABLE, RELIABLE, MhsActor.TO_PARTY_MSH,
                "mhs.rr8.example", CERT);
    }

    private static MhsEndpointChange endpoint(String url, Reliability reliability, CertificateInput cert) {
        MhsEndpointChange e = endpoint();
        return new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), url, e.cpaId(), e.interactions(),
                e.messagingPattern(), reliability, e.mhsActor(), e.fqdn(), cert);
    }

    @Nested
    class Formats {
        @Test
        void anHttpsUrlIsAbsoluteWithoutUserOrFragment() {
            assertEquals(Optional.empty(), RegistrationRules.checkHttpsUrl("https://mhs.rr8.example:443/reliablemessaging"));
            assertEquals(issue(RuleCode.URL_REQUIRED), RegistrationRules.checkHttpsUrl(null));
            assertEquals(issue(RuleCode.URL_REQUIRED), RegistrationRules.checkHttpsUrl(" "));
            assertEquals(issue(RuleCode.URL_FORMAT), RegistrationRules.checkHttpsUrl("http://mhs.rr8.example/"));
            assertEquals(issue(RuleCode.URL_FORMAT), RegistrationRules.checkHttpsUrl("https://user@mhs.rr8.example/"));
            assertEquals(issue(RuleCode.URL_FORMAT), RegistrationRules.checkHttpsUrl("https://mhs.rr8.example/a#top"));
            assertEquals(issue(RuleCode.URL_FORMAT), RegistrationRules.checkHttpsUrl("https://mhs.rr8.example/" + "a".repeat(2048)));
        }

        @Test
        void theHostOfAUrlIsItsFqdnLowerCased() {
            assertEquals(Optional.of("mhs.rr8.example"), RegistrationRules.hostOf("https://MHS.rr8.example/x"));
            assertEquals(Optional.empty(), RegistrationRules.hostOf("http://mhs.rr8.example/x"));
            assertEquals(Optional.empty(), RegistrationRules.hostOf(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"mhs.rr8.example", "msg.a81018.nhs.uk"})
        void aLowerCaseDottedHostIsAnFqdn(String fqdn) {
            assertEquals(Optional.empty(), RegistrationRules.checkFqdn(fqdn));
        }

        @ParameterizedTest
        @ValueSource(strings = {"MHS.rr8.example", "mhs.rr8.example.", "localhost", "a.b", "-mhs.rr8.example", "mhs.rr8.123"})
        void anythingElseIsNotAnFqdn(String fqdn) {
            assertEquals(issue(RuleCode.FQDN_FORMAT), RegistrationRules.checkFqdn(fqdn), fqdn);
        }

        @Test
        void aCpaIdIsUpTo64WordCharacters() {
            assertEquals(Optional.empty(), RegistrationRules.checkCpaId("S20001A000182"));
            assertEquals(Optional.empty(), RegistrationRules.checkCpaId("cpa_id-1"));
            assertEquals(issue(RuleCode.CPA_ID_REQUIRED), RegistrationRules.checkCpaId(null));
            assertEquals(issue(RuleCode.CPA_ID_REQUIRED), RegistrationRules.checkCpaId(""));
            assertEquals(issue(RuleCode.CPA_ID_FORMAT), RegistrationRules.checkCpaId("S2000 1A"));
            assertEquals(issue(RuleCode.CPA_ID_FORMAT), RegistrationRules.checkCpaId("x".repeat(65)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PT2H", "P1D", "P2W", "PT0.5S", "P1DT2H30M"})
        void aDurationIsInWeeksDaysHoursMinutesOrSeconds(String value) {
            assertEquals(Optional.empty(), RegistrationRules.checkDuration(value), value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"P1Y", "P1M", "PT", "P", "2H", "pt2h", "PT2H "})
        void yearsMonthsAndNonsenseAreNotDurations(String value) {
            assertEquals(issue(RuleCode.DURATION_FORMAT), RegistrationRules.checkDuration(value), value);
        }

        @Test
        void aMissingDurationIsRequired() {
            assertEquals(issue(RuleCode.DURATION_REQUIRED), RegistrationRules.checkDuration(null));
            assertEquals(issue(RuleCode.DURATION_REQUIRED), RegistrationRules.checkDuration(""));
        }

        @Test
        void aPostcodeIsOptionalAndUpperCase() {
            assertEquals(Optional.empty(), RegistrationRules.checkPostcode(null));
            assertEquals(Optional.empty(), RegistrationRules.checkPostcode("LS1 3EX"));
            assertEquals(Optional.empty(), RegistrationRules.checkPostcode("SW1A1AA"));
            assertEquals(issue(RuleCode.POSTCODE_FORMAT), RegistrationRules.checkPostcode("ls1 3ex"));
            assertEquals(issue(RuleCode.POSTCODE_FORMAT), RegistrationRules.checkPostcode("LS1"));
        }
    }

    @Nested
    class Organisations {
        @Test
        void aGoodOrganisationHasNoIssues() {
            assertEquals(List.of(), RegistrationRules.organisationErrors("RR8", "Leeds Teaching Hospitals NHS Trust",
                    OrganisationKind.TRUST, "Y63", "LS1 3EX", true));
        }

        @Test
        void eachMissingOrMalformedFieldIsNamedWithTheCodeTheServerAnswers() {
            List<FieldRuleIssue> issues = RegistrationRules.organisationErrors("rr8", null, null, "y6", "ls1", true);
            assertEquals(List.of(
                    FieldRuleIssue.of("/odsCode", "PATTERN", RuleCode.ODS_CODE_FORMAT),
                    FieldRuleIssue.of("/name", "REQUIRED", RuleCode.NAME_REQUIRED),
                    FieldRuleIssue.of("/kind", "REQUIRED", RuleCode.KIND_REQUIRED),
                    FieldRuleIssue.of("/parentOdsCode", "PATTERN", RuleCode.ODS_CODE_FORMAT),
                    FieldRuleIssue.of("/postcode", "PATTERN", RuleCode.POSTCODE_FORMAT)), issues);
        }

        @Test
        void theOdsCodeIsOnlyJudgedWhenCreating() {
            assertEquals(List.of(), RegistrationRules.organisationErrors(null, "Leeds", OrganisationKind.TRUST, null, null, false));
            assertEquals(List.of(FieldRuleIssue.of("/odsCode", "REQUIRED", RuleCode.ODS_CODE_REQUIRED)),
                    RegistrationRules.organisationErrors(null, "Leeds", OrganisationKind.TRUST, null, null, true));
        }

        @Test
        void anOrganisationIsNotItsOwnParent() {
            assertEquals(List.of(FieldRuleIssue.of("/parentOdsCode", "UNKNOWN_REFERENCE", RuleCode.OWN_PARENT)),
                    RegistrationRules.organisationErrors("RR8", "Leeds", OrganisationKind.TRUST, "RR8", null, true));
        }

        @Test
        void aNameIsLeftOutRatherThanBlankAndHasALimit() {
            assertEquals(List.of(FieldRuleIssue.of("/name", "TOO_SHORT", RuleCode.NAME_BLANK)),
                    RegistrationRules.organisationErrors("RR8", "  ", OrganisationKind.TRUST, null, null, true));
            assertEquals(List.of(FieldRuleIssue.of("/name", "TOO_LONG", RuleCode.TOO_LONG, 200)),
                    RegistrationRules.organisationErrors("RR8", "x".repeat(201), OrganisationKind.TRUST, null, null, true));
            assertEquals(List.of(),
                    RegistrationRules.organisationErrors("RR8", "x".repeat(200), OrganisationKind.TRUST, null, null, true));
        }
    }

    @Nested
    class Systems {
        @Test
        void aGoodSystemHasNoIssues() {
            assertEquals(List.of(), RegistrationRules.systemErrors("200000000985", "RR8", "EMIS Web at RR8", "YGJ",
                    "EMIS Web", "9.1", "RR8-0000811", List.of(INTERACTION), true));
        }

        @Test
        void eachMalformedFieldIsNamed() {
            List<FieldRuleIssue> issues = RegistrationRules.systemErrors("2000", "", null, "y", null, "v".repeat(51),
                    "RR8_1", List.of("REPC_IN150016UK05"), true);
            assertEquals(List.of(
                    FieldRuleIssue.of("/asid", "PATTERN", RuleCode.ASID_FORMAT),
                    FieldRuleIssue.of("/odsCode", "REQUIRED", RuleCode.ODS_CODE_REQUIRED),
                    FieldRuleIssue.of("/manufacturerOdsCode", "PATTERN", RuleCode.ODS_CODE_FORMAT),
                    FieldRuleIssue.of("/productVersion", "TOO_LONG", RuleCode.TOO_LONG, 50),
                    FieldRuleIssue.of("/partyKey", "PATTERN", RuleCode.PARTY_KEY_FORMAT),
                    FieldRuleIssue.of("/interactions/0", "PATTERN", RuleCode.INTERACTION_ID_FORMAT)), issues);
        }

        @Test
        void anUpdateReplacesTheListSoItMustBeGiven() {
            assertEquals(List.of(FieldRuleIssue.of("/interactions", "REQUIRED", RuleCode.INTERACTIONS_LIST_REQUIRED)),
                    RegistrationRules.systemErrors(null, "RR8", null, null, null, null, null, null, false));
            assertEquals(List.of(), RegistrationRules.systemErrors(null, "RR8", null, null, null, null, null, List.of(), false));
        }

        @Test
        void anOldAsidPrefixAndAForeignPartyKeyAreWarningsWithTheirValues() {
            assertEquals(List.of(
                    FieldRuleIssue.of("/asid", "ASID_PREFIX", RuleCode.ASID_PREFIX, "928942012545"),
                    FieldRuleIssue.of("/partyKey", "PARTY_KEY_PREFIX_MISMATCH", RuleCode.PARTY_KEY_PREFIX_MISMATCH,
                            "YES-0000806", "RR8")),
                    RegistrationRules.systemWarnings("928942012545", "RR8", "YES-0000806"));
            assertEquals(List.of(), RegistrationRules.systemWarnings("200000000985", "RR8", "RR8-0000806"));
            assertEquals(List.of(), RegistrationRules.systemWarnings(null, "RR8", null));
        }
    }

    @Nested
    class Endpoints {
        @Test
        void aGoodEndpointHasNoIssues() {
            assertEquals(List.of(), RegistrationRules.endpointErrors(endpoint()));
        }

        @Test
        void aUrlThatIsMissingPlainHttpOrMalformedHasItsOwnCode() {
            assertEquals(List.of(FieldRuleIssue.of("/url", "REQUIRED", RuleCode.URL_REQUIRED)),
                    RegistrationRules.endpointErrors(endpoint(null, RELIABLE, CERT)));
            assertEquals(List.of(FieldRuleIssue.of("/url", "NOT_HTTPS", RuleCode.URL_FORMAT)),
                    RegistrationRules.endpointErrors(endpoint("http://mhs.rr8.example/", RELIABLE, CERT)));
            assertEquals(List.of(FieldRuleIssue.of("/url", "PATTERN", RuleCode.URL_FORMAT)),
                    RegistrationRules.endpointErrors(endpoint("https://mhs.rr8.example/#x", RELIABLE, CERT)));
        }

        @Test
        void aReliablePatternNeedsReliabilityNamingThePattern() {
            assertEquals(List.of(FieldRuleIssue.of("/reliability", "RELIABILITY_REQUIRED", RuleCode.RELIABILITY_REQUIRED,
                            "async-reliable")),
                    RegistrationRules.endpointErrors(endpoint(endpoint().url(), null, CERT)));
        }

        @Test
        void eachMissingReliabilitySettingIsNamedWithTheRetryLimits() {
            Reliability empty = new Reliability(null, null, "P1Y", null, null, null);
            assertEquals(List.of(
                    FieldRuleIssue.of("/reliability/retries", "REQUIRED", RuleCode.RETRIES_REQUIRED, 0, 20),
                    FieldRuleIssue.of("/reliability/retryInterval", "REQUIRED", RuleCode.DURATION_REQUIRED),
                    FieldRuleIssue.of("/reliability/persistDuration", "PATTERN", RuleCode.DURATION_FORMAT),
                    FieldRuleIssue.of("/reliability/ackRequested", "REQUIRED", RuleCode.ACK_REQUESTED_REQUIRED),
                    FieldRuleIssue.of("/reliability/duplicateElimination", "REQUIRED", RuleCode.DUPLICATE_ELIMINATION_REQUIRED),
                    FieldRuleIssue.of("/reliability/syncReplyMode", "REQUIRED", RuleCode.SYNC_REPLY_MODE_REQUIRED)),
                    RegistrationRules.endpointErrors(endpoint(endpoint().url(), empty, CERT)));
        }

        @Test
        void retriesAreFromZeroToTwenty() {
            for (int retries : new int[] {-1, 21}) {
                Reliability r = new Reliability(retries, "PT5M", "PT2H", ReliabilityFlag.ALWAYS, ReliabilityFlag.NEVER,
                        SyncReplyMode.NONE);
                assertEquals(List.of(FieldRuleIssue.of("/reliability/retries", "OUT_OF_RANGE", RuleCode.RETRIES_RANGE, 0, 20)),
                        RegistrationRules.endpointErrors(endpoint(endpoint().url(), r, CERT)), "retries " + retries);
            }
            for (int retries : new int[] {0, 20}) {
                Reliability r = new Reliability(retries, "PT5M", "PT2H", ReliabilityFlag.ALWAYS, ReliabilityFlag.NEVER,
                        SyncReplyMode.NONE);
                assertEquals(List.of(), RegistrationRules.endpointErrors(endpoint(endpoint().url(), r, CERT)));
            }
        }

        @Test
        void aCertificateNeedsSubjectSerialAndAnOrderedValidity() {
            Instant at = Instant.parse("2027-01-01T00:00:00Z");
            assertEquals(List.of(
                    FieldRuleIssue.of("/certificate/subject", "REQUIRED", RuleCode.SUBJECT_REQUIRED),
                    FieldRuleIssue.of("/certificate/issuer", "TOO_LONG", RuleCode.ISSUER_LENGTH, 3, 500),
                    FieldRuleIssue.of("/certificate/serial", "PATTERN", RuleCode.SERIAL_FORMAT),
                    FieldRuleIssue.of("/certificate/notAfter", "DATE_ORDER", RuleCode.VALIDITY_ORDER)),
                    RegistrationRules.endpointErrors(endpoint(endpoint().url(), RELIABLE,
                            new CertificateInput(" ", "CN", "5a:3f", at, at))));
            assertEquals(List.of(
                    FieldRuleIssue.of("/certificate/subject", "TOO_LONG", RuleCode.SUBJECT_LENGTH, 3, 500),
                    FieldRuleIssue.of("/certificate/serial", "REQUIRED", RuleCode.SERIAL_REQUIRED),
                    FieldRuleIssue.of("/certificate/notBefore", "REQUIRED", RuleCode.NOT_BEFORE_REQUIRED),
                    FieldRuleIssue.of("/certificate/notAfter", "REQUIRED", RuleCode.NOT_AFTER_REQUIRED)),
                    RegistrationRules.endpointErrors(endpoint(endpoint().url(), RELIABLE,
                            new CertificateInput("CN", null, null, null, null))));
        }

        @Test
        void interactionsAreAtLeastOneAtMostFiveHundredAndEachOnce() {
            MhsEndpointChange e = endpoint();
            assertEquals(List.of(FieldRuleIssue.of("/interactions", "REQUIRED", RuleCode.INTERACTIONS_REQUIRED)),
                    RegistrationRules.endpointErrors(withInteractions(e, List.of())));
            assertEquals(List.of(FieldRuleIssue.of("/interactions", "TOO_LONG", RuleCode.INTERACTIONS_TOO_MANY, 500)),
                    RegistrationRules.endpointErrors(withInteractions(e, Collections.nCopies(501, INTERACTION))));
            List<String> twice = new ArrayList<>(List.of(INTERACTION, INTERACTION));
            twice.add(null);
            assertEquals(List.of(
                    FieldRuleIssue.of("/interactions/1", "ALREADY_EXISTS", RuleCode.INTERACTION_LISTED_TWICE, INTERACTION),
                    FieldRuleIssue.of("/interactions/2", "REQUIRED", RuleCode.INTERACTION_ID_REQUIRED)),
                    RegistrationRules.endpointErrors(withInteractions(e, twice)));
        }

        @Test
        void aMissingPatternIsNamed() {
            MhsEndpointChange e = endpoint();
            MhsEndpointChange none = new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), e.url(), e.cpaId(),
                    e.interactions(), null, e.reliability(), e.mhsActor(), e.fqdn(), e.certificate());
            assertEquals(List.of(FieldRuleIssue.of("/messagingPattern", "REQUIRED", RuleCode.PATTERN_REQUIRED)),
                    RegistrationRules.endpointErrors(none));
        }

        @Test
        void aForeignPartyKeyAndAnFqdnOtherThanTheHostAreWarningsWithTheirValues() {
            assertEquals(List.of(
                    FieldRuleIssue.of("/partyKey", "PARTY_KEY_PREFIX_MISMATCH", RuleCode.PARTY_KEY_PREFIX_MISMATCH,
                            "YES-0000806", "RR8"),
                    FieldRuleIssue.of("/fqdn", "FQDN_URL_HOST_MISMATCH", RuleCode.FQDN_URL_HOST_MISMATCH,
                            "mhs.rr8.example", "msg.rr8.example")),
                    RegistrationRules.endpointWarnings("RR8", "YES-0000806", "https://msg.rr8.example/x", "mhs.rr8.example"));
            assertEquals(List.of(), RegistrationRules.endpointWarnings("RR8", "RR8-0000806",
                    "https://mhs.rr8.example/x", "mhs.rr8.example"));
            assertEquals(List.of(), RegistrationRules.endpointWarnings("RR8", "bad key", "not a url", null),
                    "malformed values are errors, not oddities");
        }

        @Test
        void reliabilityAppliesToReliablePatternsOnly() {
            assertTrue(RegistrationRules.reliabilityApplies(MessagingPattern.ASYNC_RELIABLE));
            assertTrue(RegistrationRules.reliabilityApplies(MessagingPattern.FORWARD_RELIABLE));
            assertFalse(RegistrationRules.reliabilityApplies(MessagingPattern.SYNC));
            assertFalse(RegistrationRules.reliabilityApplies(null));
        }

        private MhsEndpointChange withInteractions(MhsEndpointChange e, List<String> interactions) {
            return new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), e.url(), e.cpaId(), interactions,
                    e.messagingPattern(), e.reliability(), e.mhsActor(), e.fqdn(), e.certificate());
        }
    }
}
