package io.spineconsole.ui.registrations;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeRegistrationsApi;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.WorkspaceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A large SDS bundle in the import dialog's model: never read whole, sent from the file as it is read with how far
 * it has gone shown (at most once per percent), and refused for import when the file changed after its preview.
 */
class LargeImportViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);

    private static Path bundle(Path dir, long size) throws Exception {
        Path file = dir.resolve("extract.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long n = 0; n < size; n += spaces.length) {
                out.write(spaces);
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void aLargeBundleIsSentFromTheFileWithProgressAndAChangedFileIsNotImported(@TempDir Path dir) throws Exception {
        Path file = bundle(dir, ImportViewModel.STREAM_FROM + (1 << 20));
        long size = Files.size(file);
        List<Path> sentFiles = new ArrayList<>();
        FakeBackboneApi api = new FakeBackboneApi(Role.ADMIN).withRegistrations(new FakeRegistrationsApi() {
            @Override
            public CompletableFuture<ImportReport> importFhir(byte[] bundle, boolean dryRun, boolean atomic,
                                                             RegistrationStatus createAs, boolean owners) {
                fail("a large bundle is not read into memory and sent whole");
                return null;
            }

            @Override
            public CompletableFuture<ImportReport> importFhirFile(Path f, boolean dryRun, boolean atomic,
                                                                 RegistrationStatus createAs, boolean owners,
                                                                 LongConsumer sent) {
                sentFiles.add(f);
                for (long n = 0; n <= size; n += 1 << 16) {
                    sent.accept(n);
                }
                sent.accept(size);
                ImportEntryResult one = new ImportEntryResult(0, null, "Endpoint", RecordType.ENDPOINT, "RR8-000081",
                        null, ImportOutcome.CREATED, List.of(), List.of());
                return CompletableFuture.completedFuture(new ImportReport(dryRun, !dryRun, "fhir", null, 1,
                        new ImportReport.Counts(1, 0, 0, 0), List.of(one), List.of()));
            }
        });
        WorkspaceContext real = Sandbox.shared().context(Role.ADMIN, EnvironmentKind.SANDBOX);
        WorkspaceContext context = new WorkspaceContext(api, real.principal(), real.profileId(), real.environmentName(),
                real.environment());
        UiQueue q = new UiQueue();
        ImportViewModel vm = new ImportViewModel(context, q.ui, I18N, Runnable::run);
        List<Double> shown = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> shown.add(b.doubleValue()));

        vm.pathProperty().set(file.toString());
        vm.preview();
        q.await("the preview", () -> vm.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED);

        assertEquals(List.of(file), sentFiles, "the file itself is sent");
        assertTrue(shown.contains(0.5), "half way is shown: " + shown);
        assertTrue(shown.size() <= 103, "told at most once per percent, not once per piece: " + shown.size());
        assertEquals(-1.0, shown.get(shown.size() - 1), "all sent: the server is reading");
        assertTrue(vm.canImportProperty().get());
        Path csv = dir.resolve("results.csv");
        vm.exportResults(csv);
        q.await("the export", () -> vm.messageProperty().get().startsWith("Exported the results of 1 entries"));
        assertEquals(List.of(ImportResultsCsv.HEADER, "1,,Endpoint,endpoint,RR8-000081,,created,,"),
                Files.readAllLines(csv), "every entry's result exports");

        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
        vm.importPreviewed();
        assertEquals(ImportViewModel.Phase.FAILED, vm.phaseProperty().get());
        assertEquals("The file has changed since it was checked: check it again before importing.",
                vm.errorProperty().get());
        assertEquals(1, sentFiles.size(), "nothing was sent");
    }
}
