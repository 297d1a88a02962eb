package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log through the real client against the real sandbox: a record's history, paged, filtered. */
class AuditApiTest {
    static SandboxFixture sandbox;
    static HttpBackboneApi admin;
    static HttpBackboneApi viewer;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        admin = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, RegistrationsApiContract.OPTIONS);
        String token = sandbox.backbone().tokens().create("vera.viewer", Role.VIEWER);
        viewer = new HttpBackboneApi(sandbox.baseUrl(), () -> token, RegistrationsApiContract.OPTIONS);
    }

    @AfterAll
    static void stop() {
        admin.close();
        viewer.close();
        sandbox.close();
    }

    /** One registration record's history, as the workspace's detail pane reads it. */
    static AuditQuery forRecord(String entityType, String entityId, int limit, String cursor) {
        return new AuditQuery(entityType, entityId, null, null, null, null, false, limit, cursor);
    }

    @Test
    void aRecordsHistoryIsNewestFirstWithWhoWhatWhyAndBeforeAndAfter() {
        var api = admin.registrations();
        Organisation o = api.createOrganisation(new OrganisationCreate("ZAUD1", "Audit Trust", OrganisationKind.TRUST,
                null, null)).join();
        o = api.updateOrganisation("ZAUD1", o.version(), new OrganisationUpdate("Audit Trust (renamed)",
                OrganisationKind.TRUST, null, "LS1 3EX")).join();
        api.transitionOrganisation("ZAUD1", o.version(), new TransitionRequest(RegistrationAction.APPROVE, "CAB 42")).join();

        Page<AuditEntry> page = viewer.audit().search(forRecord("organisation", "ZAUD1", 10, null)).join();
        assertEquals(List.of("transition", "update", "create"), page.items().stream().map(AuditEntry::action).toList());
        assertEquals(3, page.approximateTotal());
        AuditEntry transition = page.items().get(0);
        assertEquals("CAB 42", transition.reason());
        assertEquals("Embedded console", transition.actor().name());
        assertEquals(Role.ADMIN, transition.actor().role());
        assertEquals(RegistrationStatus.REQUESTED.code(), transition.before().get("status"));
        assertEquals(RegistrationStatus.APPROVED.code(), transition.after().get("status"));
        AuditEntry created = page.items().get(2);
        assertNull(created.before());
        assertEquals("Audit Trust", created.after().get("name"));
        assertNotNull(created.at());
    }

    @Test
    void pagesWithoutGapsOrRepeatsAndFiltersByAction() {
        var api = admin.registrations();
        Organisation o = api.createOrganisation(new OrganisationCreate("ZAUD2", "Paged Trust", OrganisationKind.TRUST,
                null, null)).join();
        for (int i = 0; i < 6; i++) {
            o = api.updateOrganisation("ZAUD2", o.version(), new OrganisationUpdate("Paged Trust " + i,
                    OrganisationKind.TRUST, null, null)).join();
        }
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> page = admin.audit().search(forRecord("organisation", "ZAUD2", 3, cursor)).join();
            page.items().forEach(e -> ids.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(7, ids.size());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) < ids.get(i - 1), "newest first, no repeats");
        }
        Page<AuditEntry> updates = admin.audit().search(new AuditQuery("organisation", "ZAUD2", "Embedded console",
                "update", null, null, true, 100, null)).join();
        assertEquals(6, updates.items().size());
        assertTrue(updates.items().get(0).id() < updates.items().get(5).id(), "oldest first when asked");
    }

    @Test
    void anEntityIdWithoutItsTypeIsRefused() {
        CompletionException e = assertThrows(CompletionException.class, () -> admin.audit()
                .search(new AuditQuery(null, "RR8", null, null, null, null, false, 10, null)).join());
        ApiException api = ApiException.unwrap(e);
        assertEquals(400, api.status());
        assertEquals("query.entityId", api.fieldErrors().get(0).field());
    }
}
