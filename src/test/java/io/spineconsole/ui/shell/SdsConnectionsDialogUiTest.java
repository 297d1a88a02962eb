package io.spineconsole.ui.shell;

import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsStandIn;
import io.spineconsole.settings.Preferences;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.testing.FxThread;
import io.spineconsole.testing.Screenshots;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDS connections dialog as a user fills it in: a save with no key is refused under the field, nothing
 * listed; then an environment and key are chosen, Test connection reaches the stand-in SDS, and Save lists the
 * connection as the one in use. Written in both themes to the screenshots.
 */
class SdsConnectionsDialogUiTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static SdsStandIn standIn;
    private static Stage stage;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        standIn = new SdsStandIn(new NationalSdsData(40, 2, 7), SdsStandIn.Config.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        standIn.close();
    }

    @Test
    void aConnectionIsRefusedWithoutAKeyThenTestedAndSavedAsTheOneInUse() throws Exception {
        SdsConnectionsViewModelTest.MemorySecrets secrets = new SdsConnectionsViewModelTest.MemorySecrets();
        UiExecutor ui = new UiExecutor(Platform::runLater);
        SdsConnectionsDialog dialog = FxThread.call(() -> {
            ShellViewModel shell = new ShellViewModel(new SdsConnectionsViewModelTest.NoBackbone(), new SettingsStore(dir),
                    Settings.defaults(), ui, Runnable::run, I18N);
            SdsConnectionsViewModel vm = new SdsConnectionsViewModel(shell, secrets,
                    (p, key) -> HttpSdsDirectory.create(standIn.baseUrl(), key, HttpSdsDirectory.Options.defaults()),
                    Runnable::run, ui, I18N, () -> { });
            Scene scene = new Scene(new StackPane(), 400, 300);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            stage.setScene(scene);
            stage.show();
            SdsConnectionsDialog d = new SdsConnectionsDialog(stage, vm, I18N);
            d.show();
            return d;
        });
        DialogPane pane = dialog.dialog().getDialogPane();
        FxThread.call(() -> {
            ((TextField) pane.lookup("#sds-name")).setText("SDS INT");
            ((Button) pane.lookup("#sds-save")).fire();
            return null;
        });
        FxThread.await(() -> !label(pane, "#sds-error-apiKey").isEmpty());
        assertTrue(text(pane, "#sds-error-apiKey").startsWith("Enter the API key of your application"));
        assertEquals("Choose the SDS environment.", text(pane, "#sds-error-environment"));
        assertTrue(FxThread.call(() -> ((ListView<?>) pane.lookup("#sds-connections-list")).getItems().isEmpty()), "nothing saved");

        FxThread.call(() -> {
            ((ComboBox<String>) pane.lookup("#sds-environment")).setValue("int");
            ((PasswordField) pane.lookup("#sds-api-key")).setText(SdsStandIn.API_KEY);
            ((Button) pane.lookup("#sds-test")).fire();
            return null;
        });
        FxThread.await(() -> label(pane, "#sds-result").startsWith("SDS Integration test (INT) answered"));
        FxThread.call(() -> {
            ((Button) pane.lookup("#sds-save")).fire();
            return null;
        });
        FxThread.await(() -> label(pane, "#sds-result").startsWith("Saved SDS INT"));
        assertEquals(1, FxThread.call(() -> ((ListView<?>) pane.lookup("#sds-connections-list")).getItems().size()));
        assertEquals(1, secrets.entries.size(), "the key is in the credential store");
        FxThread.call(() -> {
            ((TextField) pane.lookup("#sds-pace")).setText("0");
            ((Button) pane.lookup("#sds-save")).fire();
            return null;
        });
        FxThread.await(() -> !label(pane, "#sds-error-pace").isEmpty());
        shoot(pane.getScene(), "settings-sds-connections");
        FxThread.call(() -> {
            dialog.dialog().close();
            return null;
        });
    }

    private static String text(javafx.scene.Node root, String id) throws Exception {
        return FxThread.call(() -> label(root, id));
    }

    private static String label(javafx.scene.Node root, String id) {
        return String.valueOf(((Label) root.lookup(id)).getText());
    }

    private static void shoot(Scene scene, String name) throws Exception {
        for (Preferences.Theme theme : List.of(Preferences.Theme.LIGHT, Preferences.Theme.DARK)) {
            FxThread.call(() -> {
                Themes.apply(theme, scene);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                Screenshots.write(scene, name + "-" + theme.name().toLowerCase(Locale.ROOT));
                return null;
            });
        }
        FxThread.call(() -> {
            Themes.apply(Preferences.Theme.LIGHT, scene);
            return null;
        });
    }
}
