package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.testing.FakeRegistrationsApi;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final Executor FILES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-files");
        t.setDaemon(true);
        return t;
    });
    static Sandbox sandbox;
    static BackboneApi viewer;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.shared();
        viewer = sandbox.client(Role.VIEWER);
    }

    @Test
    void exportsEveryRecordOfTheSearchToTheFileOnlyWhenComplete(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        RegistrationFilter rr8 = RegistrationFilter.none().withOds("RR8");
        ExportViewModel vm = new ExportViewModel(RecordKind.ENDPOINTS, rr8, 5, viewer.registrations(), q.ui, I18N, FILES);
        Path target = dir.resolve("rr8-endpoints.csv");
        vm.pathProperty().set(target.toString());
        vm.export();
        q.await("the export", () -> vm.phaseProperty().get() == ExportViewModel.Phase.DONE);
        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("id,partyKey,odsCode,"));
        long expected = viewer.registrations().endpoints(rr8, null, 500).join().approximateTotal();
        assertEquals(expected, lines.size() - 1, "every endpoint of RR8, not a page");
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",RR8,")));
        assertEquals(Files.size(target), vm.writtenProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Exported "));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left");
        }

        vm.formatProperty().set(ExportViewModel.Format.FHIR);
        assertEquals(dir.resolve("rr8-endpoints.json").toString(), vm.pathProperty().get(), "the extension follows");
        vm.export();
        q.await("the FHIR export", () -> vm.phaseProperty().get() == ExportViewModel.Phase.DONE);
        assertTrue(Files.readString(dir.resolve("rr8-endpoints.json")).contains("\"resourceType\":\"Bundle\""));
    }

    @Test
    void organisationsExportToCsvOnlyAndHonourTheKindFilter(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        RegistrationFilter trusts = RegistrationFilter.none();
        trusts = new RegistrationFilter(null, List.of(), null, OrganisationKind.TRUST, null, null, null, null, null, null);
        ExportViewModel vm = new ExportViewModel(RecordKind.ORGANISATIONS, trusts, 10, viewer.registrations(), q.ui, I18N, FILES);
        assertFalse(vm.formatAllowed(ExportViewModel.Format.FHIR));
        Path target = dir.resolve("trusts.csv");
        vm.pathProperty().set(target.toString());
        vm.export();
        q.await("the export", () -> vm.phaseProperty().get() == ExportViewModel.Phase.DONE);
        List<String> rows = Files.readAllLines(target).stream().skip(1).toList();
        long trustsOnServer = viewer.registrations().organisations(trusts, null, 500).join().items().stream()
                .map(Organisation::kind).filter(k -> k == OrganisationKind.TRUST).count();
        assertEquals(trustsOnServer, rows.size(), "only trusts: the export takes the list's kind filter");
        assertTrue(rows.stream().allMatch(r -> r.contains(",trust,")), rows.toString());
    }

    @Test
    void aCancelledOrFailedExportLeavesNoFile(@TempDir Path dir) throws Exception {
        UiQueue q = new UiQueue();
        CompletableFuture<Long> never = new CompletableFuture<>();
        RegistrationsApi hanging = new FakeRegistrationsApi() {
            @Override
            public CompletableFuture<Long> export(String format, RegistrationFileType type, RegistrationFilter filter,
                                                  OutputStream target) {
                try {
                    target.write("partial".getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return never;
            }
        };
        ExportViewModel vm = new ExportViewModel(RecordKind.ENDPOINTS, RegistrationFilter.none(), 100, hanging, q.ui, I18N, FILES);
        Path target = dir.resolve("all.csv");
        Files.writeString(target, "an older export");
        vm.pathProperty().set(target.toString());
        vm.export();
        q.await("the download to start", () -> {
            vm.pollProgress();
            return vm.writtenProperty().get() == 7;
        });
        vm.cancel();
        assertEquals(ExportViewModel.Phase.CANCELLED, vm.phaseProperty().get());
        assertTrue(never.isCancelled(), "the download is stopped");
        q.await("the partial file to go", () -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.count() == 1;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals("an older export", Files.readString(target), "the older file is untouched");

        vm.pathProperty().set(dir.resolve("no-such-folder").resolve("x.csv").toString());
        vm.export();
        assertEquals(ExportViewModel.Phase.FAILED, vm.phaseProperty().get());
        assertTrue(vm.errorProperty().get().startsWith("The folder "));
    }
}
