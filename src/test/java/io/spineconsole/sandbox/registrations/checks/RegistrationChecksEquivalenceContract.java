package io.spineconsole.sandbox.registrations.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass registration checks find exactly what the rule-by-rule SQL checks they replaced found
 * ({@link SqlRegistrationChecks}, kept here as the reference), on H2 and on PostgreSQL, over a directory
 * seeded with a mistake of every kind the rules look for, including values that are LIKE wildcards.
 * The subclasses name the store.
 */
abstract class RegistrationChecksEquivalenceContract extends StoreContract {

    RegistrationChecksEquivalenceContract(TestStore store) {
        super(store);
    }

    @Test
    void findsWhatTheSqlRulesFound() {
        try (SandboxFixture sandbox = store.startSandbox()) {
            compare(sandbox, store.product());
        }
    }

    private static void compare(SandboxFixture sandbox, String product) {
        Sql sql = new Sql(sandbox.backbone().database().dataSource());
        Instant now = Instant.now();
        List<String> planted = plantMistakes(sql, now);
        ObjectMapper mapper = WireJson.strictMapper();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SandboxContext context = new SandboxContext(sql, clock, new AuditLog(mapper, clock), mapper, product,
                InteractionCatalogue.load());
        RegistrationChecks checks = new RegistrationChecks(context);
        SqlRegistrationChecks reference = new SqlRegistrationChecks(context);

        List<CheckRequest> requests = new ArrayList<>();
        requests.add(new CheckRequest(null, null, null, null, null, 10_000));
        requests.add(new CheckRequest(null, null, 90, null, true, 10_000));
        requests.add(new CheckRequest(null, Severity.WARNING, null, null, null, 10_000));
        requests.add(new CheckRequest(null, null, null, null, null, 7));
        for (CheckRule rule : CheckRule.values()) {
            requests.add(new CheckRequest(List.of(rule), null, null, null, null, 10_000));
        }
        List<RecordRef> chosen = new ArrayList<>();
        for (String id : planted) {
            String[] parts = id.split(":", 2);
            chosen.add(new RecordRef(parts[0], parts[1]));
        }
        requests.add(new CheckRequest(null, null, null, chosen, null, 10_000));
        requests.add(new CheckRequest(null, null, null, chosen, true, 10_000));
        requests.add(new CheckRequest(List.of(CheckRule.DUPLICATE_ENDPOINT), null, null, chosen.subList(0, 3), null,
                10_000));

        int compared = 0;
        EnumSet<CheckRule> seen = EnumSet.noneOf(CheckRule.class);
        for (CheckRequest request : requests) {
            CheckReport expected = reference.run(request);
            CheckReport actual = checks.run(request);
            String what = product + " " + request;
            assertEquals(expected.recordsChecked(), actual.recordsChecked(), what);
            assertEquals(expected.counts(), actual.counts(), what);
            assertEquals(expected.countsByRule(), actual.countsByRule(), what);
            assertEquals(expected.truncated(), actual.truncated(), what);
            List<Finding> want = new ArrayList<>(expected.findings());
            // The SQL rules never named records for a person (party key, organisation name): compare what they found.
            List<Finding> found = actual.findings().stream().map(f -> f.withRecords(f.record().bare(),
                    f.related().stream().map(RecordRef::bare).toList())).toList();
            if (!expected.truncated()) {
                // Ties between findings of one record, rule and field were in the order of the database's rows.
                want.sort(RegistrationChecks.ORDER);
                assertEquals(want, found, what);
            } else {
                assertEquals(want.size(), actual.findings().size(), what);
            }
            actual.findings().forEach(f -> seen.add(f.rule()));
            compared += actual.findings().size();
        }
        assertEquals(EnumSet.allOf(CheckRule.class), seen, "every rule found something to compare");
        assertTrue(compared > 100, "compared " + compared + " findings");
    }

    /**
     * Adds a mistake of every kind to the seeded directory; returns the records it added or changed as
     * "type:id", the first three being endpoints with a duplicate.
     */
    private static List<String> plantMistakes(Sql sql, Instant now) {
        List<String> records = new ArrayList<>();
        String[] org = sql.one("SELECT o.ods_code, e.id FROM organisation o JOIN mhs_endpoint e ON e.ods_code = o.ods_code "
                + "WHERE e.status = 'active' AND EXISTS (SELECT 1 FROM endpoint_interaction ei WHERE ei.endpoint_id = e.id) "
                + "ORDER BY e.id LIMIT 1", r -> new String[] {r.getString(1), r.getString(2)}).orElseThrow();
        long original = Long.parseLong(org[1]);
        // Copies of one endpoint: same party key (one live, one retired), and one with the same URL.
        for (String[] copy : List.of(new String[] {"active", "party_key", "url || '/copy'"},
                new String[] {"retired", "party_key", "url || '/retired'"},
                new String[] {"suspended", "party_key || '9'", "url"})) {
            long id = sql.count("SELECT MAX(id) FROM mhs_endpoint") + 1;
            UUID uuid = UUID.randomUUID();
            sql.update("INSERT INTO mhs_endpoint (id, endpoint_uuid, party_key, asid, ods_code, url, fqdn, messaging_pattern, "
                    + "ack_requested, duplicate_elimination, status, version, created_at, updated_at) SELECT ?, ?, "
                    + copy[1] + ", asid, ods_code, " + copy[2] + ", fqdn, messaging_pattern, ack_requested, "
                    + "duplicate_elimination, ?, 1, created_at, updated_at FROM mhs_endpoint WHERE id = ?", id, uuid, copy[0],
                    original);
            sql.update("INSERT INTO endpoint_interaction (endpoint_id, interaction_id, position) "
                    + "SELECT ?, interaction_id, position FROM endpoint_interaction WHERE endpoint_id = ?", id, original);
            records.add("endpoint:" + uuid);
        }
        // Organisations: a malformed code, one whose code is a LIKE wildcard pattern, an unknown parent, suspended owners.
        sql.update("INSERT INTO organisation (ods_code, name, org_type, parent_ods, status, version, created_at, updated_at) "
                + "VALUES ('ab1', 'Lower case', 'gp-practice', 'ZZZ99', 'active', 1, ?, ?)", now, now);
        sql.update("INSERT INTO organisation (ods_code, name, org_type, parent_ods, status, version, created_at, updated_at) "
                + "VALUES ('Q_1', 'Wildcard', 'gp-practice', NULL, 'active', 1, ?, ?)", now, now);
        sql.update("INSERT INTO organisation (ods_code, name, org_type, parent_ods, status, version, created_at, updated_at) "
                + "VALUES ('RET01', 'Retired', 'gp-practice', 'NOPE1', 'retired', 1, ?, ?)", now, now);
        sql.update("UPDATE organisation SET status = 'suspended' WHERE ods_code = ?", org[0]);
        records.add("organisation:ab1");
        records.add("organisation:Q_1");
        records.add("organisation:RET01");
        records.add("organisation:" + org[0]);
        // Accredited systems: malformed and unusual ASIDs, party keys, unknown manufacturer, interaction lists.
        String[][] systems = {
                {"12345", "ab1", "bad key", "NOBODY", "active"},
                {"912345678901", org[0], "YES-1234567", null, "active"},
                {"223456789012", "Q_1", "QX1-1234567", "ab1", "retired"},
                {"223456789013", org[0], org[0] + "-7654321", null, "active"},
        };
        for (String[] s : systems) {
            sql.update("INSERT INTO accredited_system (asid, ods_code, name, party_key, manufacturer_ods, status, version, "
                    + "created_at, updated_at) VALUES (?, ?, 'Planted', ?, ?, ?, 1, ?, ?)", s[0], s[1], s[2], s[3], s[4], now, now);
            records.add("accredited-system:" + s[0]);
        }
        String known = sql.one("SELECT interaction_id FROM interaction_catalogue ORDER BY interaction_id LIMIT 1",
                r -> r.getString(1)).orElseThrow();
        sql.update("INSERT INTO system_interaction (asid, position, interaction_id) VALUES ('223456789013', 0, ?)", known);
        sql.update("INSERT INTO system_interaction (asid, position, interaction_id) VALUES ('223456789013', 1, ?)", known);
        sql.update("INSERT INTO system_interaction (asid, position, interaction_id) VALUES ('223456789013', 4, ?)", known);
        sql.update("INSERT INTO system_interaction (asid, position, interaction_id) VALUES ('223456789013', 2, 'not-a-urn')");
        sql.update("INSERT INTO system_interaction (asid, position, interaction_id) VALUES ('223456789013', 3, "
                + "'urn:nhs:names:services:unknown:QUPA_IN000001UK01')");
        sql.update("INSERT INTO system_interaction (asid, position, interaction_id) VALUES ('12345', 0, ?)", known);
        // Endpoints: every endpoint rule, and LIKE wildcards in the values compared.
        String asid = "223456789013";
        Object[][] endpoints = {
                // ods, party key, url, fqdn, pattern, retry interval, not before, not after, status, interactions
                {"ab1", "ab1-123", "http://msg.ab1.nhs.uk/x", "msg.ab1.nhs.uk", "async-reliable", null,
                        now.minus(Duration.ofDays(10)), null, "active", List.of("not-a-urn", known)},
                {"Q_1", "QX1-1234567", "https://msg_q.nhs.uk/x", "msg_q.nhs.uk", "sync", "PT2H",
                        now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(40)), "active",
                        List.of("urn:nhs:names:services:unknown:QUPA_IN000001UK01")},
                {"Q_1", "Q_1-1234567", "https://MSG.Q.NHS.UK:443/x", "msg_q.nhs.uk", "async-express", null,
                        now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(2)), "suspended", List.of(known)},
                {org[0], org[0] + "-1234567", "https://other.example/x", "mhs.example", "forward-reliable", null,
                        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)), "active", List.of(known)},
                {org[0], "YES-7654321", "https://mhs%.example/x", "mhs%.example", "async-reliable", "PT1H",
                        now.minus(Duration.ofDays(1)), null, "retired", List.of(known)},
        };
        for (Object[] e : endpoints) {
            long id = sql.count("SELECT MAX(id) FROM mhs_endpoint") + 1;
            UUID uuid = UUID.randomUUID();
            sql.update("INSERT INTO mhs_endpoint (id, endpoint_uuid, party_key, asid, ods_code, url, fqdn, messaging_pattern, "
                    + "retry_interval, cert_not_before, cert_not_after, ack_requested, duplicate_elimination, status, version, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, 1, ?, ?)", id, uuid,
                    e[1], asid, e[0], e[2], e[3], e[4], e[5], e[6], e[7], e[8], now, now);
            @SuppressWarnings("unchecked")
            List<String> interactions = (List<String>) e[9];
            for (int k = 0; k < interactions.size(); k++) {
                sql.update("INSERT INTO endpoint_interaction (endpoint_id, interaction_id, position) VALUES (?, ?, ?)", id,
                        interactions.get(k), k);
            }
            records.add("endpoint:" + uuid);
        }
        return records;
    }
}
