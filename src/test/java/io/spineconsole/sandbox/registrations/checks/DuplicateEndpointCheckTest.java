package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The duplicate-endpoint check names every endpoint that shares a party key and an interaction, and each one's twins. */
class DuplicateEndpointCheckTest {

    @Test
    void endpointsSharingAPartyKeyAndAnInteractionAreFoundWithEachOther() {
        try (SandboxFixture sandbox = SandboxFixture.start()) {
            Sql sql = new Sql(sandbox.backbone().database().dataSource());
            assertEquals(0, duplicates(sandbox).size(), "the seed has no duplicate endpoints");
            long original = sql.one("SELECT MIN(e.id) FROM mhs_endpoint e WHERE e.status <> 'retired' AND EXISTS "
                    + "(SELECT 1 FROM endpoint_interaction ei WHERE ei.endpoint_id = e.id)", r -> r.getLong(1)).orElseThrow();
            String originalUuid = sql.one("SELECT endpoint_uuid FROM mhs_endpoint WHERE id = ?", r -> r.getString(1),
                    original).orElseThrow();
            // Two copies of one endpoint under new ids, one of them retired (retired endpoints do not count).
            List<String> copies = new java.util.ArrayList<>();
            for (String status : List.of("active", "retired")) {
                UUID uuid = UUID.randomUUID();
                long id = sql.count("SELECT MAX(id) FROM mhs_endpoint") + 1;
                sql.update("INSERT INTO mhs_endpoint (id, endpoint_uuid, party_key, asid, ods_code, url, fqdn, "
                        + "messaging_pattern, ack_requested, duplicate_elimination, status, version, created_at, updated_at) "
                        + "SELECT ?, ?, party_key, asid, ods_code, url || '/copy', fqdn, messaging_pattern, ack_requested, "
                        + "duplicate_elimination, ?, 1, created_at, updated_at FROM mhs_endpoint WHERE id = ?", id, uuid,
                        status, original);
                sql.update("INSERT INTO endpoint_interaction (endpoint_id, interaction_id, position) "
                        + "SELECT ?, interaction_id, position FROM endpoint_interaction WHERE endpoint_id = ?", id, original);
                copies.add(uuid.toString());
            }
            List<Finding> found = duplicates(sandbox);
            Set<String> records = found.stream().map(f -> f.record().id()).collect(Collectors.toSet());
            assertEquals(Set.of(originalUuid, copies.get(0)), records, "both live endpoints, not the retired copy");
            for (Finding f : found) {
                String twin = f.record().id().equals(originalUuid) ? copies.get(0) : originalUuid;
                assertEquals(List.of(twin), f.related().stream().map(RecordRef::id).toList());
                assertEquals("/partyKey", f.field());
                assertTrue(f.message().contains("party key"), f.message());
            }
        }
    }

    private static List<Finding> duplicates(SandboxFixture sandbox) {
        HttpBackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpClientOptions.defaults());
        try {
            CheckReport report = api.registrations().runChecks(new CheckRequest(List.of(CheckRule.DUPLICATE_ENDPOINT),
                    null, null, null, null, null)).join();
            return report.findings();
        } finally {
            api.close();
        }
    }
}
