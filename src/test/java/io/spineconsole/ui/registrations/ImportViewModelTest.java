package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.WorkspaceContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final Executor FILES = Runnable::run;
    static Sandbox sandbox;
    static BackboneApi admin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.shared();
        admin = sandbox.client(Role.ADMIN);
    }

    static Path csv(Path dir, String a, String b) throws Exception {
        Path file = dir.resolve("organisations.csv");
        Files.writeString(file, "odsCode,name,kind,parentOdsCode,postcode\r\n"
                + a + ",Good Trust,trust,,LS1 3EX\r\n"
                + b + ",Child site,trust-site," + a + ",\r\n"
                + "bad code,Broken,not-a-kind,,\r\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aDryRunReportsEachRowWritesNothingAndTheImportWritesWhatWasPreviewed(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        String a = Records.ods();
        String b = Records.ods();
        ImportViewModel vm = new ImportViewModel(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX), q.ui, I18N, FILES);
        boolean[] imported = new boolean[1];
        vm.setOnImported(() -> imported[0] = true);
        assertFalse(vm.canPreviewProperty().get(), "no file yet");
        Path file = csv(dir, a, b);
        vm.pathProperty().set(file.toString());
        vm.preview();
        q.await("the preview", () -> vm.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED);
        assertEquals("Read: CSV of organisations, " + Files.size(file) + " bytes.", vm.detectedProperty().get());
        assertEquals(3, vm.results().size());
        ImportEntryResult bad = vm.results().get(2);
        assertEquals(ImportOutcome.REJECTED, bad.outcome());
        assertEquals(4, bad.line());
        assertTrue(bad.errors().stream().anyMatch(e -> e.field().equals("column.kind")));
        assertEquals(0, ImportViewModel.rank(bad), "rejected rows are listed first");
        assertTrue(vm.messageProperty().get().contains("2 would be created"), vm.messageProperty().get());
        assertThrows(CompletionException.class, () -> admin.registrations().organisation(a).join(), "a dry run writes nothing");
        assertFalse(vm.canImportProperty().get(), "all or nothing with a rejected row would write nothing");

        vm.atomicProperty().set(false);
        assertEquals(ImportViewModel.Phase.IDLE, vm.phaseProperty().get(), "an option changed: preview again");
        assertFalse(vm.canImportProperty().get());
        vm.preview();
        q.await("the second preview", () -> vm.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED);
        assertTrue(vm.canImportProperty().get());
        vm.importPreviewed();
        q.await("the import", () -> vm.phaseProperty().get() == ImportViewModel.Phase.IMPORTED);
        assertEquals("Imported: 2 created, 0 updated, 0 unchanged, 1 rejected.", vm.messageProperty().get());
        assertTrue(imported[0], "the lists are told to reload");
        assertEquals(a, admin.registrations().organisation(b).join().parentOdsCode());
    }

    @Test
    void thePreviewNamesTheOwnersNotRegisteredAndTheImportRegistersThemWhenAsked(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        String owner = Records.ods();
        Path file = dir.resolve("systems.csv");
        String asid = String.format("2%011d", Math.floorMod(System.nanoTime(), 100_000_000_000L));
        Files.writeString(file, "asid,odsCode\r\n" + asid + "," + owner + "\r\n", StandardCharsets.UTF_8);
        ImportViewModel vm = new ImportViewModel(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX), q.ui, I18N, FILES);
        vm.pathProperty().set(file.toString());
        vm.preview();
        q.await("the preview", () -> vm.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED);
        assertTrue(vm.messageProperty().get().endsWith("1 owning organisations are not registered yet, so their rows are "
                + "rejected: " + owner + " (" + owner + ", rows 1). Register them first, or tick \"Register owners\" and "
                + "preview again."), vm.messageProperty().get());

        vm.registerOwnersProperty().set(true);
        vm.preview();
        q.await("the second preview", () -> vm.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED);
        assertTrue(vm.messageProperty().get().endsWith("The import registers 1 owning organisations as requested: "
                + owner + " (" + owner + ", rows 1)."), vm.messageProperty().get());
        vm.importPreviewed();
        q.await("the import", () -> vm.phaseProperty().get() == ImportViewModel.Phase.IMPORTED);
        assertEquals(RegistrationStatus.REQUESTED, admin.registrations().organisation(owner).join().status());
    }

    @Test
    void anOperatorMayPreviewButNotImportAndAViewerNeither(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        WorkspaceContext operator = sandbox.context(Role.OPERATOR, EnvironmentKind.SANDBOX);
        ImportViewModel vm = new ImportViewModel(operator, q.ui, I18N, FILES);
        vm.atomicProperty().set(false);
        vm.pathProperty().set(csv(dir, Records.ods(), Records.ods()).toString());
        vm.preview();
        q.await("the preview", () -> vm.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED);
        assertFalse(vm.canImportProperty().get(), "only an admin imports");
        assertFalse(vm.mayImport());

        ImportViewModel viewer = new ImportViewModel(sandbox.context(Role.VIEWER, EnvironmentKind.SANDBOX), q.ui, I18N, FILES);
        viewer.pathProperty().set(dir.resolve("organisations.csv").toString());
        assertFalse(viewer.canPreviewProperty().get());
    }

    @Test
    void aFileThatCannotBeImportedIsSaidPlainly(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        ImportViewModel vm = new ImportViewModel(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX), q.ui, I18N, FILES);
        vm.pathProperty().set(dir.resolve("missing.csv").toString());
        vm.preview();
        q.await("the failure", () -> vm.phaseProperty().get() == ImportViewModel.Phase.FAILED);
        assertEquals("No such file: " + dir.resolve("missing.csv"), vm.errorProperty().get());

        Path odd = dir.resolve("odd.csv");
        Files.writeString(odd, "colour,size\r\nred,9\r\n");
        vm.pathProperty().set(odd.toString());
        vm.preview();
        q.await("the failure", () -> vm.phaseProperty().get() == ImportViewModel.Phase.FAILED);
        assertEquals("The CSV header does not say which records it holds: choose the record type.", vm.errorProperty().get());
        vm.csvTypeProperty().set(RegistrationFileType.ORGANISATIONS);
        vm.preview();
        q.await("the server's verdict", () -> vm.phaseProperty().get() == ImportViewModel.Phase.FAILED
                && vm.errorProperty().get().startsWith("The server did not accept the request."));

        Path notJson = dir.resolve("bundle.json");
        Files.writeString(notJson, "{ this is not json");
        vm.csvTypeProperty().set(null);
        vm.pathProperty().set(notJson.toString());
        vm.preview();
        q.await("the refusal", () -> vm.phaseProperty().get() == ImportViewModel.Phase.FAILED);
        assertTrue(vm.errorProperty().get().startsWith("The server did not accept the request."), vm.errorProperty().get());
        assertTrue(vm.results().isEmpty());
    }

    @Test
    void recognisesTheFormatAndTheCsvsRecordType() {
        assertEquals(ImportViewModel.Format.FHIR, ImportViewModel.detectFormat(Path.of("bundle.json"), new byte[0]));
        assertEquals(ImportViewModel.Format.FHIR, ImportViewModel.detectFormat(Path.of("export.txt"), "  {\"a\":1}".getBytes()));
        assertEquals(ImportViewModel.Format.CSV, ImportViewModel.detectFormat(Path.of("export"), "asid,odsCode".getBytes()));
        assertEquals(RegistrationFileType.ACCREDITED_SYSTEMS, ImportViewModel.detectCsvType("asid,odsCode,name\r\n".getBytes()));
        assertEquals(RegistrationFileType.ENDPOINTS, ImportViewModel.detectCsvType("\uFEFFid,partyKey,odsCode,name,url\r\n".getBytes()));
        assertEquals(RegistrationFileType.ORGANISATIONS, ImportViewModel.detectCsvType("\"odsCode\",\"name\",kind\n".getBytes()));
        assertNull(ImportViewModel.detectCsvType("colour,size\n".getBytes()));
    }

    @Test
    void theSdsFhirFixtureIsPreviewedAsADevice(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        Path bundle = dir.resolve("device.json");
        try (var in = getClass().getResourceAsStream("/fixtures/sds-device.example.json")) {
            String device = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(bundle, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + device + "}]}");
        }
        ImportViewModel vm = new ImportViewModel(sandbox.context(Role.ADMIN, EnvironmentKind.SANDBOX), q.ui, I18N, FILES);
        vm.createAsProperty().set(RegistrationStatus.ACTIVE);
        vm.pathProperty().set(bundle.toString());
        vm.preview();
        q.await("the preview", () -> vm.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED);
        assertTrue(vm.detectedProperty().get().startsWith("Read: SDS FHIR bundle"));
        assertEquals(1, vm.results().size());
        assertEquals("200000000985", vm.results().get(0).identifier());
        assertEquals(ImportOutcome.REJECTED, vm.results().get(0).outcome(), "its owner A20047 is not registered here");
        assertTrue(vm.results().get(0).errors().stream().anyMatch(e -> e.code().equals("OWNER_UNKNOWN")));
    }
}
