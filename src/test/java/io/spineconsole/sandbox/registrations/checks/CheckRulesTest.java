package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Endpoint;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Org;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Sys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check rules as pure functions over records read: what each finds, and what it leaves alone. */
class CheckRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final CheckedDirectory d = new CheckedDirectory();
    private long nextId = 1;

    @Test
    void identifierFormatsAreTheDomainsAndAPaddedAsidIsJudgedTrimmed() {
        org("RR8", null, "active");
        org("ab1", null, "active");
        org("TOOLONGCODE", null, "active");
        sys("200000000985", "RR8", "RR8-1234567", "active");
        sys("12345       ", "RR8", "bad key", "active");
        sys("912345678901", "RR8", null, "active");

        assertEquals(Set.of("ab1", "TOOLONGCODE"), Set.copyOf(ids(CheckRule.ODS_CODE_FORMAT)));
        assertEquals(List.of("12345"), ids(CheckRule.ASID_FORMAT), "findings name the ASID without its padding");
        assertEquals(List.of("12345", "912345678901"), ids(CheckRule.ASID_PREFIX));
        assertEquals(List.of("12345"), ids(CheckRule.PARTY_KEY_FORMAT), "no party key is no finding");
        assertEquals("ASID 12345 is not 12 digits.", findings(CheckRule.ASID_FORMAT).get(0).message());
    }

    @Test
    void aPartyKeyPrefixIsComparedAsSqlLikeWasWithTheOwnersCodeAsThePattern() {
        org("Q_1", null, "active");
        org("RR8", null, "active");
        Endpoint wildcard = endpoint("Q_1", "QX1-1234567", "https://a.example/x", "a.example", "sync", "active", true);
        Endpoint other = endpoint("RR8", "YES-1234567", "https://b.example/x", "b.example", "sync", "active", true);
        endpoint("RR8", "RR8-1234567", "https://c.example/x", "c.example", "sync", "active", true);
        endpoint("RR8", "not a key", "https://d.example/x", "d.example", "sync", "active", true);

        assertEquals(List.of(other.uuid()), ids(CheckRule.PARTY_KEY_PREFIX_MISMATCH),
                "'Q_1-%' matches QX1-…, and a malformed key is the format rule's");
        assertFalse(ids(CheckRule.PARTY_KEY_PREFIX_MISMATCH).contains(wildcard.uuid()));
    }

    @Test
    void urlsAndFqdns() {
        org("RR8", null, "active");
        Endpoint http = endpoint("RR8", "RR8-1234567", "http://mhs.rr8.example/x", "mhs.rr8.example", "sync", "active", true);
        endpoint("RR8", "RR8-1234568", "https://MHS.RR8.EXAMPLE:443/x", "mhs.rr8.example", "sync", "active", true);
        endpoint("RR8", "RR8-1234569", "https://mhs.rr8.example", "mhs.rr8.example", "sync", "active", true);
        Endpoint elsewhere = endpoint("RR8", "RR8-1234570", "https://other.example/x", "mhs.rr8.example", "sync", "active", true);

        assertEquals(List.of(http.uuid()), ids(CheckRule.URL_NOT_HTTPS));
        assertEquals(List.of(http.uuid(), elsewhere.uuid()), ids(CheckRule.FQDN_URL_HOST_MISMATCH));
        assertEquals("FQDN mhs.rr8.example differs from the URL host other.example.",
                findings(CheckRule.FQDN_URL_HOST_MISMATCH).get(1).message());
    }

    @Test
    void interactionsAgainstTheirFormatTheCatalogueAndTheEndpointsPattern() {
        org("RR8", null, "active");
        d.catalogue.put("urn:nhs:names:services:psis:REPC_IN150016UK05", "async-reliable");
        Endpoint e = endpoint("RR8", "RR8-1234567", "https://a.example/x", "a.example", "sync", "active", true);
        e.interactions().add("urn:nhs:names:services:psis:REPC_IN150016UK05", 0);
        e.interactions().add("not-a-urn", 1);
        e.interactions().add("urn:nhs:names:services:unknown:QUPA_IN000001UK01", 2);
        Sys s = sys("200000000985", "RR8", "RR8-1234567", "active");
        s.interactions().add("not-a-urn", 0);
        s.interactions().add("not-a-urn", 3);

        assertEquals(List.of("/interactions/1"), fields(CheckRule.INTERACTION_FORMAT, e.uuid()));
        assertEquals(List.of("/interactions/0", "/interactions/3"), fields(CheckRule.INTERACTION_FORMAT, "200000000985"));
        assertEquals(List.of("/interactions/1", "/interactions/2"), fields(CheckRule.INTERACTION_UNKNOWN, e.uuid()));
        assertEquals(List.of("/interactions/0"), fields(CheckRule.INTERACTION_PATTERN_MISMATCH, e.uuid()));
        assertEquals(List.of("200000000985"), ids(CheckRule.DUPLICATE_ASID_INTERACTION), "reported once for the system");
    }

    @Test
    void reliabilitySettingsBelongToReliablePatternsOnly() {
        org("RR8", null, "active");
        Endpoint missing = endpoint("RR8", "RR8-1", "https://a.example", "a.example", "forward-reliable", "active", true);
        Endpoint unused = endpoint("RR8", "RR8-2", "https://b.example", "b.example", "async-express", "active", true,
                "PT1M", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)));
        endpoint("RR8", "RR8-3", "https://c.example", "c.example", "async-reliable", "active", true,
                "PT1M", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)));

        assertEquals(List.of(missing.uuid()), ids(CheckRule.RELIABILITY_MISSING));
        assertEquals(List.of(unused.uuid()), ids(CheckRule.RELIABILITY_NOT_APPLICABLE));
    }

    @Test
    void certificatesAgainstTheTimeOfTheRun() {
        org("RR8", null, "active");
        Endpoint none = endpoint("RR8", "RR8-1", "https://a.example", "a.example", "sync", "active", true);
        Endpoint noneSuspended = endpoint("RR8", "RR8-2", "https://b.example", "b.example", "sync", "suspended", true);
        Endpoint expired = endpoint("RR8", "RR8-3", "https://c.example", "c.example", "sync", "active", true, null,
                NOW.minus(Duration.ofDays(400)), NOW.minusSeconds(1));
        Endpoint expiring = endpoint("RR8", "RR8-4", "https://d.example", "d.example", "sync", "active", true, null,
                NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(29)));
        endpoint("RR8", "RR8-5", "https://e.example", "e.example", "sync", "active", true, null,
                NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(30)));
        Endpoint notYet = endpoint("RR8", "RR8-6", "https://f.example", "f.example", "sync", "active", true, null,
                NOW.plusSeconds(60), NOW.plus(Duration.ofDays(400)));

        List<Finding> missing = findings(CheckRule.CERTIFICATE_MISSING);
        assertEquals(List.of(none.uuid(), noneSuspended.uuid()), missing.stream().map(f -> f.record().id()).toList());
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), missing.stream().map(Finding::severity).toList(),
                "an active endpoint without a certificate is an error");
        assertEquals(List.of(expired.uuid()), ids(CheckRule.CERTIFICATE_EXPIRED));
        assertEquals(List.of(expiring.uuid()), ids(CheckRule.CERTIFICATE_EXPIRING), "within 30 days, not on the 30th");
        assertEquals(List.of(notYet.uuid()), ids(CheckRule.CERTIFICATE_NOT_YET_VALID));
    }

    @Test
    void aCertificateFindingSendsItsTimeAsAFieldNeverInsideTheSentence() {
        org("RR8", null, "active");
        Instant ended = NOW.minus(Duration.ofDays(3)).plusNanos(212_361_583);
        Instant ends = NOW.plus(Duration.ofDays(10));
        Instant starts = NOW.plus(Duration.ofDays(2));
        endpoint("RR8", "RR8-3", "https://c.example", "c.example", "sync", "active", true, null, NOW.minus(Duration.ofDays(400)), ended);
        endpoint("RR8", "RR8-4", "https://d.example", "d.example", "sync", "active", true, null, NOW.minus(Duration.ofDays(400)), ends);
        endpoint("RR8", "RR8-6", "https://f.example", "f.example", "sync", "active", true, null, starts, NOW.plus(Duration.ofDays(400)));

        Finding expired = findings(CheckRule.CERTIFICATE_EXPIRED).get(0);
        Finding expiring = findings(CheckRule.CERTIFICATE_EXPIRING).get(0);
        Finding notYet = findings(CheckRule.CERTIFICATE_NOT_YET_VALID).get(0);
        assertEquals(List.of(ended, ends, starts), List.of(expired.at(), expiring.at(), notYet.at()));
        assertEquals(List.of("The certificate has expired.", "The certificate expires within 30 days.",
                "The certificate is not valid yet."), List.of(expired.message(), expiring.message(), notYet.message()));
    }

    @Test
    void findingsNameTheirRecordsByPartyKeyAndOrganisation() {
        d.organisations.put("RR8", new Org("RR8", null, "suspended", true, "Leeds Teaching Hospitals NHS Trust"));
        Sys s = sys("200000000985", "RR8", "RR8-1234567", "active");
        Endpoint e = endpoint("RR8", "RR8-1234567", "https://a.example", "a.example", "sync", "active", true);
        Endpoint orphan = endpoint("ZZZ", "ZZZ-1234567", "https://b.example", "b.example", "sync", "active", true);
        FindingNames names = new FindingNames(d);

        List<Finding> named = names.name(findings(CheckRule.OWNER_NOT_ACTIVE));

        assertEquals(new RecordRef("endpoint", e.uuid(), "RR8-1234567", "Leeds Teaching Hospitals NHS Trust"), named.get(0).record());
        assertEquals(new RecordRef("accredited-system", s.asid(), null, "Leeds Teaching Hospitals NHS Trust"), named.get(1).record());
        assertEquals(List.of(new RecordRef("organisation", "RR8", null, "Leeds Teaching Hospitals NHS Trust")),
                named.get(0).related());
        assertEquals(new RecordRef("endpoint", orphan.uuid(), "ZZZ-1234567", null),
                names.name(new RecordRef("endpoint", orphan.uuid())), "an unregistered owner has no name to give");
        assertEquals(new RecordRef("endpoint", "nobody"), names.name(new RecordRef("endpoint", "nobody")));
    }

    @Test
    void ownersThatAreUnknownOrNotActive() {
        org("RR8", "NOPE1", "suspended");
        org("X26", null, "active");
        Sys s = sys("200000000985", "RR8", "RR8-1234567", "active");
        d.systems.put("200000000986", new Sys("200000000986", "X26", null, "NOBODY", "active", true));
        Endpoint e = endpoint("RR8", "RR8-1234567", "https://a.example", "a.example", "sync", "active", true);
        endpoint("RR8", "RR8-1234568", "https://b.example", "b.example", "sync", "requested", true);

        assertEquals(List.of("RR8", "200000000986"), ids(CheckRule.OWNER_UNKNOWN));
        List<Finding> inactive = findings(CheckRule.OWNER_NOT_ACTIVE);
        assertEquals(List.of(e.uuid(), s.asid()), inactive.stream().map(f -> f.record().id()).toList(),
                "only active records of a suspended owner");
        assertEquals(List.of(new RecordRef("organisation", "RR8")), inactive.get(0).related());
        assertEquals("Active, but its organisation RR8 is suspended.", inactive.get(0).message());
    }

    @Test
    void duplicateEndpointsNameEachOtherAndOutOfScopeOnesAreComparedButNotReported() {
        org("RR8", null, "active");
        String shared = "urn:nhs:names:services:psis:REPC_IN150016UK05";
        Endpoint a = endpoint("RR8", "RR8-1234567", "https://a.example/x", "a.example", "sync", "active", true);
        Endpoint b = endpoint("RR8", "RR8-1234567", "https://b.example/x", "b.example", "sync", "suspended", false);
        Endpoint retired = endpoint("RR8", "RR8-1234567", "https://c.example/x", "c.example", "sync", "retired", true);
        Endpoint noInteractions = endpoint("RR8", "RR8-1234567", "https://d.example/x", "d.example", "sync", "active", true);
        for (Endpoint e : List.of(a, b, retired)) {
            e.interactions().add(shared, 0);
        }

        List<Finding> found = findings(CheckRule.DUPLICATE_ENDPOINT);

        assertEquals(1, found.size(), "b is out of scope; the retired one and the one without interactions never count");
        assertEquals(a.uuid(), found.get(0).record().id());
        assertEquals(List.of(new RecordRef("endpoint", b.uuid())), found.get(0).related());
        assertEquals("/partyKey", found.get(0).field());
        assertTrue(found.get(0).message().contains("party key RR8-1234567 for interaction " + shared), found.get(0).message());
        assertFalse(found.stream().anyMatch(f -> f.record().id().equals(noInteractions.uuid())));
    }

    @Test
    void recordsOutOfScopeAreNotReported() {
        d.organisations.put("ab1", new Org("ab1", null, "retired", false));
        d.systems.put("1", new Sys("1", "ab1", null, null, "retired", false));

        assertEquals(List.of(), ids(CheckRule.ODS_CODE_FORMAT));
        assertEquals(List.of(), ids(CheckRule.ASID_FORMAT));
        assertEquals(0, d.checked());
    }

    @Test
    void sqlTextMeansWhatSqlMeant() {
        assertTrue(SqlText.like("QX1-123", "Q_1-%"));
        assertFalse(SqlText.like("Q1-123", "Q_1-%"));
        assertTrue(SqlText.like("https://mhs%.example/x", "https://mhs\\%.example/%"));
        assertFalse(SqlText.like("https://mhsX.example/x", "https://mhs\\%.example/%"));
        assertTrue(SqlText.like("", "%"));
        assertEquals("a b", SqlText.trim("  a b  "));
        assertEquals("\ta", SqlText.trim("\ta "), "TRIM takes spaces only");
        assertEquals("12345", SqlText.charKey("12345   "));
    }

    // ---- the directory ----

    private Org org(String ods, String parent, String status) {
        Org o = new Org(ods, parent, status, true);
        d.organisations.put(ods, o);
        return o;
    }

    private Sys sys(String asid, String ods, String partyKey, String status) {
        Sys s = new Sys(asid, ods, partyKey, null, status, true);
        d.systems.put(SqlText.charKey(asid), s);
        return s;
    }

    private Endpoint endpoint(String ods, String partyKey, String url, String fqdn, String pattern, String status,
                              boolean inScope) {
        return endpoint(ods, partyKey, url, fqdn, pattern, status, inScope, null, null, null);
    }

    private Endpoint endpoint(String ods, String partyKey, String url, String fqdn, String pattern, String status,
                              boolean inScope, String retryInterval, Instant notBefore, Instant notAfter) {
        long id = nextId++;
        Endpoint e = new Endpoint(id, String.format("00000000-0000-0000-0000-%012d", id), partyKey, ods, url, fqdn,
                pattern, retryInterval, notBefore, notAfter, status, inScope);
        d.endpoints.put(id, e);
        return e;
    }

    private List<Finding> findings(CheckRule rule) {
        List<Finding> found = new CheckRules(d, NOW, 30).findings(rule);
        assertTrue(found.stream().allMatch(f -> f.rule() == rule), "each finding names its rule");
        return found;
    }

    private List<String> ids(CheckRule rule) {
        return findings(rule).stream().map(f -> f.record().id()).toList();
    }

    private List<String> fields(CheckRule rule, String recordId) {
        return findings(rule).stream().filter(f -> f.record().id().equals(recordId)).map(Finding::field).toList();
    }
}
