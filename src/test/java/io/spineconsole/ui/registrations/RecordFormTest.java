package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFormTest {
    private static final I18n I18N = new I18n(Locale.UK);
    static Sandbox sandbox;
    static BackboneApi admin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.shared();
        admin = sandbox.client(Role.ADMIN);
    }


    private static void type(RecordForm<?> form, String pointer, String value) {
        form.get(pointer).input().valueProperty().set(value);
    }

    private static String shown(RecordForm<?> form, String pointer) {
        return form.get(pointer).shownErrorProperty().get();
    }

    @Test
    void fieldsAreCheckedAsTypedWithTheDomainRulesAndTheWarningsTheDirectoryAccepts() {
        EndpointForm form = new EndpointForm(new UiQueue().ui, I18N);
        form.startCreate(Map.of("/odsCode", "RR8"));
        assertEquals("", shown(form, "/partyKey"), "nothing is shown before the user types or saves");
        assertFalse(form.validProperty().get());

        type(form, "/partyKey", "RR8_1");
        assertTrue(shown(form, "/partyKey").startsWith("A party key is the owner's ODS code"), shown(form, "/partyKey"));
        type(form, "/partyKey", "YES-0000806");
        assertEquals("", shown(form, "/partyKey"));
        assertTrue(form.warnings().stream().anyMatch(w -> w.contains("does not start with the owner's ODS code RR8")),
                "party key prefix is not the owner: a warning, not a refusal");

        type(form, "/url", "http://mhs.rr8.example/x");
        assertTrue(shown(form, "/url").startsWith("The URL must be an absolute https://"));
        type(form, "/url", "https://mhs.rr8.example/reliablemessaging/reliablerequest");
        type(form, "/fqdn", "msg.rr8.example");
        assertTrue(form.warnings().stream().anyMatch(w -> w.contains("differs from the URL host mhs.rr8.example")));
        type(form, "/cpaId", "S20001A000412");
        type(form, "/interactions", Records.PSIS + "\nurn:nope");
        assertEquals("Line 2: An interaction ID looks like urn:nhs:names:services:<service>:<interaction>.",
                shown(form, "/interactions"));
        type(form, "/interactions", Records.PSIS);

        type(form, "/messagingPattern", "async-reliable");
        form.save(admin.registrations());
        assertEquals("Give the number of retries (0 to 20).", shown(form, "/reliability/retries"),
                "a reliable pattern needs reliability settings: the server's own rule, before anything is sent");
        type(form, "/reliability/retries", "25");
        assertEquals("Retries is a whole number from 0 to 20.", shown(form, "/reliability/retries"));
        type(form, "/reliability/retries", "2");
        type(form, "/reliability/retryInterval", "2 hours");
        assertTrue(shown(form, "/reliability/retryInterval").startsWith("Use an ISO-8601 duration"));
        type(form, "/reliability/retryInterval", "PT2H");
        type(form, "/reliability/persistDuration", "PT7H");
        type(form, "/reliability/ackRequested", "always");
        type(form, "/reliability/duplicateElimination", "always");
        type(form, "/reliability/syncReplyMode", "msh-signals-only");
        type(form, "/certificate/notBefore", "31/03/2027");
        assertTrue(shown(form, "/certificate/notBefore").startsWith("Use a date like 2027-03-31"));
        type(form, "/certificate/notBefore", "");
        assertTrue(form.validProperty().get(), form.crossErrors().toString());

        type(form, "/messagingPattern", "sync");
        MhsEndpointChange change = form.change();
        assertNotNull(change.reliability(), "values typed are kept, and the server reports them as not applicable");
        assertNull(change.certificate(), "no certificate field filled: no certificate sent");
    }

    @Test
    void theServersFieldErrorIsShownOnItsFieldAndAFailedSaveKeepsTheForm() {
        UiQueue q = new UiQueue();
        SystemForm form = new SystemForm(q.ui, I18N);
        form.startCreate(Map.of());
        type(form, "/asid", "200000000777");
        type(form, "/odsCode", "ZZZZ9");
        type(form, "/name", "Orphan PAS");
        assertTrue(form.validProperty().get(), "well-formed: only the server knows ZZZZ9 is not registered");
        form.save(admin.registrations());
        assertTrue(form.savingProperty().get());
        q.await("the refusal", () -> !form.savingProperty().get());
        assertEquals("Organisation ZZZZ9 is not registered.", shown(form, "/odsCode"),
                "the server's message on the field it names: " + shown(form, "/odsCode"));
        assertFalse(form.errorProperty().get().isEmpty());
        assertEquals("Orphan PAS", form.get("/name").input().value(), "a failed save keeps what was typed");
        assertEquals("200000000777", form.get("/asid").input().value());
        assertTrue(form.isDirty());

        type(form, "/odsCode", "RR8");
        assertEquals("", shown(form, "/odsCode"), "the server's verdict goes once the value is edited");
        AccreditedSystem[] saved = new AccreditedSystem[1];
        form.setOnSaved(s -> saved[0] = s);
        form.save(admin.registrations());
        q.await("the save", () -> saved[0] != null);
        assertEquals("RR8", saved[0].odsCode());
        assertFalse(form.isDirty(), "saved: the form is clean and based on the saved version");
        assertFalse(form.isCreating());
        assertEquals(saved[0].version(), form.baseVersion());
    }

    @Test
    void aStaleSaveOpensTheConflictAndReapplyingKeepsBothChanges() {
        UiQueue q = new UiQueue();
        Organisation owner = Records.activeOrganisation(admin.registrations());
        MhsEndpoint endpoint = Records.endpoint(admin.registrations(), owner);
        EndpointForm form = new EndpointForm(q.ui, I18N);
        form.edit(endpoint);
        type(form, "/name", "Renamed by me");

        // A colleague saves first: a different field.
        BackboneApi colleague = sandbox.client(Role.ADMIN);
        EndpointForm theirsForm = new EndpointForm(q.ui, I18N);
        theirsForm.edit(endpoint);
        type(theirsForm, "/cpaId", "S20001A000999");
        MhsEndpoint theirs = colleague.registrations().updateEndpoint(endpoint.id(), endpoint.version(), theirsForm.change()).join();

        form.save(admin.registrations());
        q.await("the conflict", () -> form.conflictProperty().get() != null);
        ConflictViewModel<MhsEndpoint> conflict = form.conflictProperty().get();
        assertEquals(theirs.version(), conflict.theirsVersion());
        List<String> differ = conflict.differences().stream().map(ConflictViewModel.Row::label).toList();
        assertEquals(List.of("Name", "CPA id"), differ);
        ConflictViewModel.Row name = conflict.differences().get(0);
        assertTrue(name.changedByMe() && !name.changedByThem());
        ConflictViewModel.Row cpa = conflict.differences().get(1);
        assertTrue(cpa.changedByThem() && !cpa.changedByMe());
        assertEquals(0, conflict.clashes());
        assertEquals("Renamed by me", form.get("/name").input().value(), "my edit is kept while I decide");

        conflict.reapplyMine();
        assertNull(form.conflictProperty().get());
        assertEquals("Renamed by me", form.get("/name").input().value());
        assertEquals("S20001A000999", form.get("/cpaId").input().value(), "their change is taken");
        assertEquals(theirs.version(), form.baseVersion(), "the next save is based on their version");
        MhsEndpoint[] saved = new MhsEndpoint[1];
        form.setOnSaved(s -> saved[0] = s);
        form.save(admin.registrations());
        q.await("the second save", () -> saved[0] != null);
        MhsEndpoint now = admin.registrations().endpoint(endpoint.id()).join();
        assertEquals("Renamed by me", now.name());
        assertEquals("S20001A000999", now.cpaId(), "no update lost");
    }

    @Test
    void takingTheirsDropsMyEdit() {
        UiQueue q = new UiQueue();
        Organisation owner = Records.activeOrganisation(admin.registrations());
        OrganisationForm form = new OrganisationForm(q.ui, I18N);
        form.edit(owner);
        type(form, "/name", "Mine");
        var theirs = admin.registrations().updateOrganisation(owner.odsCode(), owner.version(),
                new io.spineconsole.domain.registrations.OrganisationUpdate("Theirs", owner.kind(), null, "LS1 3EX")).join();
        form.save(admin.registrations());
        q.await("the conflict", () -> form.conflictProperty().get() != null);
        assertEquals(1, form.conflictProperty().get().clashes(), "both changed the name, differently");
        form.conflictProperty().get().takeTheirs();
        assertEquals("Theirs", form.get("/name").input().value());
        assertFalse(form.isDirty());
        assertEquals(theirs.version(), form.baseVersion());
        assertTrue(form.unsavedChanges().isEmpty());
    }

    @Test
    void anUnusualAsidIsWarnedAboutWhenCreatingNotWhenEditingAnOldRegistration() {
        SystemForm form = new SystemForm(new UiQueue().ui, I18N);
        form.startCreate(Map.of());
        type(form, "/asid", "928942012545");
        type(form, "/odsCode", "RR8");
        assertTrue(form.warnings().stream().anyMatch(w -> w.contains("does not start with 2")), form.warnings().toString());
        AccreditedSystem legacy = new AccreditedSystem("928942012545", "RR8", "Legacy PAS", null, null, null, null, List.of(),
                null, io.spineconsole.domain.registrations.RegistrationStatus.ACTIVE, null, 3, null, "seed", null, "seed");
        form.edit(legacy);
        assertTrue(form.warnings().isEmpty(), form.warnings().toString());
        assertFalse(form.isDirty());
        assertTrue(form.get("/asid").identity(), "the ASID is fixed once registered");
        assertEquals("Edit accredited system 928942012545", form.title());
    }
}
