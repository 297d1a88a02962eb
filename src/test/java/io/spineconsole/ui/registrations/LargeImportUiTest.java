package io.spineconsole.ui.registrations;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.Preferences;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeRegistrationsApi;
import io.spineconsole.testing.FxThread;
import io.spineconsole.testing.Screenshots;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A national extract in the import dialog as an admin sees it: while the file is being sent a bar says how far
 * (here half of it), Cancel stops the upload and says so, and the dialog is ready for the next try.
 */
class LargeImportUiTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theBarShowsHowFarTheFileIsSentAndCancelStopsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sds-extract-100000.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write('{');
            out.write(new byte[(int) ImportViewModel.STREAM_FROM + 1024]);
        }
        CompletableFuture<ImportReport> upload = new CompletableFuture<>();
        FakeBackboneApi api = new FakeBackboneApi(Role.ADMIN).withRegistrations(new FakeRegistrationsApi() {
            @Override
            public CompletableFuture<ImportReport> importFhirFile(Path f, boolean dryRun, boolean atomic,
                                                                 RegistrationStatus createAs, boolean owners,
                                                                 LongConsumer sent) {
                sent.accept(Files.exists(f) ? sizeOf(f) / 2 : 0);
                return upload;
            }
        });
        WorkspaceContext real = Sandbox.shared().context(Role.ADMIN, EnvironmentKind.SANDBOX);
        WorkspaceContext context = new WorkspaceContext(api, real.principal(), real.profileId(), real.environmentName(),
                real.environment());
        ImportDialog dialog = FxThread.call(() -> {
            Scene scene = new Scene(new javafx.scene.layout.StackPane(), 400, 300);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            stage.setScene(scene);
            stage.show();
            ImportViewModel vm = new ImportViewModel(context, new UiExecutor(Platform::runLater), I18N, Runnable::run);
            ImportDialog d = new ImportDialog(stage, vm, I18N);
            d.dialog().show();
            return d;
        });
        Parent pane = dialog.dialog().getDialogPane();
        FxThread.call(() -> {
            ((TextField) pane.lookup("#reg-import-path")).setText(file.toString());
            ((Button) pane.lookup("#reg-import-preview")).fire();
            return null;
        });
        await(() -> ((ProgressBar) pane.lookup("#reg-import-progress")).isVisible()
                && Math.abs(((ProgressBar) pane.lookup("#reg-import-progress")).getProgress() - 0.5) < 0.02, () -> dialog.model().phaseProperty()
                .get() + " " + dialog.model().messageProperty().get() + " " + dialog.model().errorProperty().get() + " "
                + dialog.model().progressProperty().get());
        assertTrue(FxThread.call(() -> !((Button) pane.lookup("#reg-import-cancel")).isDisabled()), "Cancel while sending");
        for (Preferences.Theme theme : List.of(Preferences.Theme.LIGHT, Preferences.Theme.DARK)) {
            FxThread.call(() -> {
                Themes.apply(theme, pane.getScene());
                pane.applyCss();
                pane.layout();
                Screenshots.write(pane.getScene(), "registrations-import-large-" + theme.name().toLowerCase(Locale.ROOT));
                return null;
            });
        }

        FxThread.call(() -> {
            ((Button) pane.lookup("#reg-import-cancel")).fire();
            return null;
        });
        await(upload::isCancelled);
        assertEquals(I18N.get("registrations.import.cancelledPreview"),
                FxThread.call(() -> ((Label) pane.lookup("#reg-import-message")).getText()));
        assertTrue(FxThread.call(() -> !((ProgressBar) pane.lookup("#reg-import-progress")).isVisible()));
        FxThread.call(() -> {
            dialog.dialog().close();
            return null;
        });
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void await(BooleanSupplier condition) throws Exception {
        await(condition, () -> "");
    }

    private static void await(BooleanSupplier condition, Callable<String> shown) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!FxThread.call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                fail("timed out; shown: " + FxThread.call(shown));
            }
            Thread.sleep(50);
        }
    }

}
